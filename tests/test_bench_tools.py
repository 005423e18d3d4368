"""`make bench` audits with locked tools, and the browser tests audit with the same axe-core."""

from __future__ import annotations

import json
import re

from conftest import ROOT

LOCK = json.loads((ROOT / "bench" / "node" / "package-lock.json").read_text(encoding="utf-8"))
PACKAGE = json.loads((ROOT / "bench" / "node" / "package.json").read_text(encoding="utf-8"))


def test_lighthouse_is_pinned_exactly_and_locked():
    wanted = PACKAGE["dependencies"]["lighthouse"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), f"bench/node/package.json: lighthouse {wanted!r} is a range"
    assert LOCK["packages"]["node_modules/lighthouse"]["version"] == wanted
    assert LOCK["packages"][""]["dependencies"] == PACKAGE["dependencies"]
    # Every package in the tree is pinned by version and checksum.
    loose = [name for name, p in LOCK["packages"].items() if name and not (p.get("version") and p.get("integrity"))]
    assert not loose, loose


def test_vendored_axe_is_the_version_lighthouse_uses():
    locked = LOCK["packages"]["node_modules/axe-core"]["version"]
    header = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")[:200]
    vendored = re.search(r"axe v(\d+\.\d+\.\d+)", header).group(1)
    assert vendored == locked, (
        f"tests/vendor/axe.min.js is axe-core {vendored}, Lighthouse in bench/node/package-lock.json "
        f"uses {locked}: update one (tests/vendor/README.md)")
    assert f"axe-core **{locked}**" in (ROOT / "tests" / "vendor" / "README.md").read_text(encoding="utf-8")
