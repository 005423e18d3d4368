"""The repository carries everything its build and tests read: nothing is read beside it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

BESIDE = ROOT.parent / "beside-the-repository.json"  # need not exist: the open is refused first
CODE = [p for pattern in ("pension/**/*.py", "hooks/**/*.py", "tests/**/*.py", "tests/**/*.mjs",
                          "bench/**/*.py", "bench/**/*.sh", "docs/**/*.js", "Makefile", ".ci/run",
                          "mkdocs.yml")
        for p in ROOT.glob(pattern) if ".venv" not in p.parts]


def test_the_guard_refuses_a_read_beside_the_repository_in_this_process():
    with pytest.raises(PermissionError, match="outside the repository"):
        open(BESIDE, encoding="utf-8")  # noqa: SIM115


def test_the_guard_refuses_a_read_beside_the_repository_in_a_python_the_tests_start():
    proc = subprocess.run([sys.executable, "-c", f"open({str(BESIDE)!r})"], capture_output=True,
                          text=True, cwd=ROOT, check=False)
    assert proc.returncode != 0 and "read outside the repository" in proc.stderr


def test_the_guard_lets_the_repository_itself_be_read():
    assert (ROOT / "tests" / "vectors" / "public.json").read_text(encoding="utf-8").startswith("[")


def test_no_code_names_a_path_beside_the_repository():
    # Comments may say where a file came from; code may not reach for it.
    reach = re.compile(r"""(\.\./shared|\.parent\s*/\s*["']shared|parents\[\d+\]\s*/\s*["']shared)""")
    found = []
    for path in CODE:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if path.suffix in (".py", ".sh", ".yml", "") else line
            code = code.split("//", 1)[0] if path.suffix in (".js", ".mjs") else code
            if reach.search(code):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, "code reads beside the repository:\n" + "\n".join(found)
