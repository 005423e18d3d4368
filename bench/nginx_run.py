"""Run deploy/nginx.conf (Debian's nginx) on a loopback port with a temporary prefix.

Only the lines marked "# templated" in the config change: the listen port (127.0.0.1 only),
the site root, the build's CSP include (site/csp.conf, hooks/events/csp.py), the pid file and the log
files. When run as root, the workers keep the current
user (`user root;`), so they can read a site in a private temporary folder.

    with nginx_serving(Path("site")) as base:   # base = "http://127.0.0.1:PORT"
        ...

As a script: `python bench/nginx_run.py SITE_DIR [PORT]` serves until Ctrl-C.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render(site: Path, port: int, prefix: Path, conf: Path = CONF, foreign_site: bool = False) -> str:
    """The production config with the templated lines pointed at `site`, `port` and `prefix`.
    `foreign_site`: a site not built by this project (the bench's baseline) has no csp.conf;
    it gets one that allows no inline script, as our policy would without its hashes."""
    text = conf.read_text(encoding="utf-8")
    csp = Path(site).resolve() / "csp.conf"
    if foreign_site:
        csp = prefix / "csp.conf"
        csp.write_text('map $uri $csp_script_hashes { default ""; }\n', encoding="utf-8")
    elif not csp.exists():
        raise FileNotFoundError(f"{csp}: missing. The build writes it (hooks/events/csp.py); "
                                f"was {site} built by this project's mkdocs.yml?")
    subs = {
        r"^(\s*)pid .*# templated$": rf"\1pid {prefix}/nginx.pid;",
        r"^(\s*)error_log .*# templated$": rf"\1error_log {prefix}/error.log warn;",
        r"^(\s*)access_log .*# templated$": rf"\1access_log {prefix}/access.log bench;",
        r"^(\s*)listen .*# templated$": rf"\1listen 127.0.0.1:{port};",
        r"^(\s*)root .*# templated$": rf"\1root {site.resolve()};",
        r"^(\s*)include .*# templated$": rf"\1include {csp};",
    }
    for pattern, repl in subs.items():
        text, n = re.subn(pattern, repl, text, count=1, flags=re.M)
        if n != 1:
            raise ValueError(f"deploy/nginx.conf: no templated line for {pattern!r}")
    # Temp dirs for request bodies etc. inside the prefix, not in /var/lib/nginx.
    temps = "".join(f"  {d}_temp_path {prefix}/{d};\n"
                    for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # The bench reads bytes as served (headers + body, after compression) from the access log.
    temps += "  log_format bench '$status $bytes_sent $request_uri';\n"
    text = text.replace("http {\n", "http {\n" + temps, 1)
    if os.geteuid() == 0:
        text = "user root;\n" + text
    return text


class Served(str):
    """The base URL; `.access_log` is nginx's log: one "status bytes_sent uri" line a request."""

    access_log: Path


@contextmanager
def nginx_serving(site: Path, port: int | None = None, conf: Path = CONF, foreign_site: bool = False):
    port = port or free_port()
    prefix = Path(tempfile.mkdtemp(prefix="nginx-"))
    (prefix / "nginx.conf").write_text(render(Path(site), port, prefix, conf, foreign_site),
                                       encoding="utf-8")
    test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                          capture_output=True, text=True)
    if test.returncode != 0:
        raise RuntimeError("nginx -t failed:\n" + test.stderr)
    proc = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                             "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
    base = Served(f"http://127.0.0.1:{port}")
    base.access_log = prefix / "access.log"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1).close()
                break
            except Exception:
                if proc.poll() is not None:
                    raise RuntimeError("nginx exited:\n" + proc.stderr.read()) from None
                time.sleep(0.05)
        yield base
    finally:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    port = int(sys.argv[2]) if len(sys.argv) > 2 else None
    # `kill` (SIGTERM) stops nginx too instead of leaving it serving on the port.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with nginx_serving(site, port) as url:
        print(url, flush=True)
        try:
            signal.pause()
        except KeyboardInterrupt:
            pass
