"""Errors raised by the rules. Each carries a short machine code and a developer message.

The CLI turns a :class:`PensionError` into ``{"error": code, "message": ...}``; the web
pages show their own translated text for each code, never this English message.
"""

from __future__ import annotations

from typing import Any


class PensionError(ValueError):
    """A rule or lookup refused its input. ``code`` is stable; ``details`` is JSON-safe."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details
