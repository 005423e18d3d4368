"""Build the site for a given base URL (canonical and hreflang links must point at the server)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(site_dir: Path, site_url: str, python: str = sys.executable) -> float:
    """Strict `mkdocs build` into `site_dir` with SITE_URL; returns the wall time in seconds."""
    import time

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    start = time.perf_counter()
    result = subprocess.run([python, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError("mkdocs build failed:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    return elapsed


def built_and_served(tmp: Path):
    """Context manager: build into `tmp/site` for a free loopback port, then serve it with
    deploy/nginx.conf on that port. Yields (base_url, site_dir)."""
    from contextlib import contextmanager

    from bench.nginx_run import free_port, nginx_serving

    @contextmanager
    def _cm():
        port = free_port()
        site = tmp / "site"
        build(site, f"http://127.0.0.1:{port}/")
        with nginx_serving(site, port) as base:
            yield base, site

    return _cm()
