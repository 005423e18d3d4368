"""Refuse to open any file beside the repository (a sibling folder): a fresh clone has nothing
there. Loaded in every Python process the tests start (conftest puts this folder first on
PYTHONPATH) and installed in the test process itself; see tests/test_self_contained.py."""

from __future__ import annotations

import os
import sys

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_BESIDE = os.path.dirname(_ROOT) + os.sep


def _guard(event: str, args: tuple) -> None:
    if event != "open" or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if path.startswith(_BESIDE) and not (path + os.sep).startswith(_ROOT + os.sep):
        raise PermissionError(f"read outside the repository: {path} (the repository is {_ROOT}; "
                              "copy what you need into it)")


def install() -> None:
    if not getattr(sys, "_outside_guard_installed", False):
        sys.addaudithook(_guard)
        sys._outside_guard_installed = True


if os.environ.get("OUTSIDE_GUARD") == "1":
    install()
