"""The README's diagram of hooks/ names every module in the tree, and nothing that is gone, so a
newcomer can trust it."""

from __future__ import annotations

import re

from conftest import ROOT


def test_readme_diagram_matches_the_hooks_tree():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    diagram = readme[readme.index("## How data flows"):readme.index("## Tests")]
    named = set(re.findall(r"\b([a-z_0-9]+\.py)\b", diagram))
    modules = {p.name for p in (ROOT / "hooks").rglob("*.py") if p.name != "__init__.py"}
    assert not modules - named, f"hooks modules missing from the README diagram: {sorted(modules - named)}"
    gone = {n for n in named - modules if not list(ROOT.glob(f"*/{n}"))}
    assert not gone, f"the README diagram names modules that are not in hooks/: {sorted(gone)}"
