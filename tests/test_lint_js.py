"""`make lint` runs the locked ESLint (lint/node/package-lock.json) with eslint.config.mjs on our
JavaScript: it finds planted bugs in each kind of file, and passes on ours, all of them."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

TOOL = ROOT / "lint" / "node"
ESLINT = ROOT / ".lint" / "node" / "node_modules" / ".bin" / "eslint"
CONFIG = ROOT / "eslint.config.mjs"

# One file of each kind, laid out as in the repository so the config's file groups apply.
# Each holds one bug per rule we rely on, next to names its kind may use (document, caches,
# process) that must not be reported.
PLANTED = {
    "docs/assets/js/bad.js": (
        "var leaked = 1;\n"                                     # 1 no-implicit-globals
        "(function () {\n"
        "  var unused = document.title;\n"                      # 3 no-unused-vars
        "  total = window.innerWidth * 2;\n"                    # 4 no-undef, and a leak
        "  if (location.hash == '#x' || leaked != null) {\n"    # 5 eqeqeq (!= null is fine)
        "    history.back();\n"
        "  }\n"
        "})();\n"
    ),
    "docs/assets/js/calc/new.js": "var a = {};\na.b ??= 1;\n",  # 2 ES2021: phones may not parse it
    "docs/sw.js": (
        "self.addEventListener('fetch', function () {\n"
        "  caches.open(document.title);\n"                      # 2 no-undef: no document here
        "});\n"
    ),
    "tests/js/bad.mjs": (
        "import { readFileSync } from 'node:fs';\n"
        "readFileSync(process.argv[2]);\n"
        "window.alert('x');\n"                                  # 3 no-undef: not a browser
    ),
}
EXPECTED = {
    ("docs/assets/js/bad.js", 1, "no-implicit-globals"),
    ("docs/assets/js/bad.js", 3, "no-unused-vars"),
    ("docs/assets/js/bad.js", 4, "no-undef"),
    ("docs/assets/js/bad.js", 4, "no-implicit-globals"),
    ("docs/assets/js/bad.js", 5, "eqeqeq"),
    ("docs/assets/js/calc/new.js", 2, "parse error"),
    ("docs/sw.js", 2, "no-undef"),
    ("tests/js/bad.mjs", 3, "no-undef"),
}


@pytest.fixture(scope="module")
def eslint() -> Path:
    # The same target `make lint` uses: installs from the lock if .lint/node is missing or older.
    done = subprocess.run(["make", "-s", ".lint/node/.installed"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return ESLINT


def lint(eslint: Path, cwd: Path, paths: list[str]) -> tuple[int, list[dict]]:
    done = subprocess.run([str(eslint), "--config", str(CONFIG), "--max-warnings", "0",
                           "--format", "json", *paths],
                          cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), f"ESLint itself failed ({done.returncode}): {done.stderr}"
    return done.returncode, json.loads(done.stdout)


def test_planted_bugs_are_found_by_the_right_rule(eslint, tmp_path):
    for name, text in PLANTED.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, results = lint(eslint, tmp_path, ["docs", "tests"])
    found = {(Path(r["filePath"]).relative_to(tmp_path).as_posix(), m["line"],
              "parse error" if m.get("fatal") else m["ruleId"])
             for r in results for m in r["messages"]}
    assert code == 1
    assert found == EXPECTED


def test_our_javascript_passes(eslint):
    # The folders `make lint` passes, read from the Makefile so the two cannot drift apart.
    paths = re.search(r"^JS := (.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1).split()
    code, results = lint(eslint, ROOT, paths)
    problems = [f"{r['filePath']}:{m['line']} {m['ruleId']}: {m['message']}" for r in results for m in r["messages"]]
    assert code == 0 and not problems, "\n".join(problems)
    linted = {Path(r["filePath"]).relative_to(ROOT).as_posix() for r in results}
    for ours in ["docs/assets/js/calc/app.js", "docs/assets/js/calc/core.js", "docs/assets/js/a11y.js",
                 "docs/sw.js", "tests/js/run.mjs"]:
        assert ours in linted
    assert not [path for path in linted if "vendor/" in path]


def test_eslint_is_pinned_exactly_and_locked():
    package = json.loads((TOOL / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((TOOL / "package-lock.json").read_text(encoding="utf-8"))
    for name, wanted in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", wanted), f"lint/node/package.json: {name} {wanted!r} is a range"
        assert lock["packages"][f"node_modules/{name}"]["version"] == wanted, name
    assert lock["packages"][""]["dependencies"] == package["dependencies"]
    loose = [name for name, p in lock["packages"].items() if name and not (p.get("version") and p.get("integrity"))]
    assert not loose, loose


def test_no_regex_lookbehind_in_shipped_scripts():
    # Safari before 16.4 (iOS 15 and older phones) cannot parse a lookbehind, (?<=…) or (?<!…),
    # and the build joins our scripts into one file, so one such regex would stop every script.
    # ESLint cannot tell: lookbehind is standard ES2018.
    found = [f"{path.relative_to(ROOT)}:{n}" for path in sorted((ROOT / "docs").rglob("*.js"))
             if "vendor" not in path.parts
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if "(?<=" in line.split("//")[0] or "(?<!" in line.split("//")[0]]
    assert not found, found
