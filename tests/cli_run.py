"""Run the command line in this process: `python -m pension ARGS` is `pension.cli.main(ARGS)`
(pension/__main__.py), so the tests call main() with stdout captured instead of starting a
Python for each case (~0.5 s apiece). test_cli.py starts the real program once, to show the
two are the same."""

from __future__ import annotations

import contextlib
import io
import json

from pension.cli import main


def run(*args: str) -> tuple[int, dict, str]:
    """(exit code, the last line of stdout as JSON, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    lines = out.getvalue().splitlines()
    return code, json.loads(lines[-1]), err.getvalue()


def output_lines(*args: str) -> tuple[int, list[str]]:
    """(exit code, every line of stdout)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(list(args))
    return code, out.getvalue().splitlines()
