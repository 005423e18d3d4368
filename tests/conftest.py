"""Shared fixtures: the repository paths, the checked site data, and one real strict build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# Nothing may read beside the repository (a fresh clone has nothing there): the guard refuses any
# such open in this process and, through PYTHONPATH, in every Python process a test starts.
_GUARD = ROOT / "tests" / "outside_guard"
os.environ["OUTSIDE_GUARD"] = "1"
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_GUARD), os.environ.get("PYTHONPATH")]))
sys.path.insert(0, str(_GUARD))
import sitecustomize as _outside_guard  # noqa: E402  (this folder's, not the system's)

_outside_guard.install()


def run_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site_data():
    from hooks.load import site_data as sitedata

    site = sitedata.load(DATA)
    from pension.params import ParameterSet

    site.params = ParameterSet(site.parameters)
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A real `mkdocs build --strict` of the project into a temporary folder."""
    site = tmp_path_factory.mktemp("build") / "site"
    result = run_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    # Beside the site, not in it: tests read what the build printed (e.g. the policy coverage).
    (site.parent / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/, beside links to the code and pages it is checked against (links and
    anchors in data texts, interface words the templates and scripts ask for)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    for name in ("docs", "overrides", "hooks"):
        (tmp_path / name).symlink_to(DATA.parent / name)
    return target


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of everything the build reads, for tests that break one thing in it."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "pension"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, copy / name)
    shutil.copytree(ROOT / "docs", copy / "docs",
                    ignore=shutil.ignore_patterns("measures", "guides", "faq", "glossary", "kit",
                                                  "generated"))
    shutil.copytree(DATA, copy / "data")
    # The build publishes the public test vectors (/data/vectors.json, hooks/load/open_data_files.py).
    shutil.copytree(ROOT / "tests" / "vectors", copy / "tests" / "vectors")
    return copy


# --- Browser tests: one build, served by the production nginx config, one Chromium ----------

@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The site built for and served by deploy/nginx.conf on a loopback port, as in production.
    Yields (base URL, site folder)."""
    from bench.site import built_and_served

    with built_and_served(tmp_path_factory.mktemp("served")) as (base, site):
        yield base, site


@pytest.fixture(scope="session")
def browser():
    from browser import CHROMIUM, FLAGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(served_site, browser):
    """A fresh phone-sized tab (390×844, touch). Fails the test if the page throws an error."""
    from browser import PHONE

    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True,
                                  has_touch=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.base = served_site[0]
    yield tab
    context.close()
    assert not errors, errors


# Fixtures that run a whole MkDocs build: a test using one is marked `build`, so `make check`
# (lint and every test that needs neither a browser nor a full build) can leave it out.
BUILDING_FIXTURES = {"built_site", "served_site", "project_copy"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
