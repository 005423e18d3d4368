"""Interface words the code asks for by name must exist in data/, checked before anything is
written: templates (overrides/*.html: `ui.key`) and hooks (`ui(site.ui, <quoted key>, lang)`) read
data/ui.yml; the calculators (docs/assets/js/calc/*.js: `page.fill("key")`, `words.key`) read
data/calculator_ui.yml. A word asked for with a computed name (`"confidence_" + level`) is
caught when the page is made, by textfmt.Words."""

from __future__ import annotations

import re
from pathlib import Path

from hooks.load.schema import DataError

USES = (
    ("data/ui.yml", "overrides", "*.html", re.compile(r"(?<![/\w])ui\.(?!yml\b)([A-Za-z_][A-Za-z0-9_]*)")),
    ("data/ui.yml", "hooks", "*.py",
     re.compile(r"\bui\((?:site\.ui|u|site_ui), [\"']([A-Za-z_][A-Za-z0-9_-]*)[\"']\s*[,)]")),
    ("data/calculator_ui.yml", "docs/assets/js/calc", "*.js",
     re.compile(r"\bfill\(\"([A-Za-z_][A-Za-z0-9_]*)\"|\bwords\.([A-Za-z_][A-Za-z0-9_]*)")),
    # the finder (docs/assets/js/finder.js) reads data/finder.yml's words as W.key
    ("data/finder.yml", "docs/assets/js", "finder.js", re.compile(r"\bW\.([A-Za-z_][A-Za-z0-9_]*)")),
)


def check(project: Path, words: dict[str, dict]) -> dict[str, set[str]]:
    """words: {"data/ui.yml": {...}, "data/calculator_ui.yml": {...}}. Returns the keys the code
    names, by file: {"data/calculator_ui.yml": {"stamp", ...}, ...}."""
    named: dict[str, set[str]] = {file: set() for file, *_ in USES}
    for file, folder, pattern, use in USES:
        for path in sorted((project / folder).rglob(pattern)):
            if "vendor" in path.parts:
                continue
            for found in use.finditer(path.read_text(encoding="utf-8")):
                key = next(g for g in found.groups() if g)
                named[file].add(key)
                if key not in words[file]:
                    where = path.relative_to(project)
                    raise DataError(file, key, None, f"this interface word ({where} uses it)")
    return named
