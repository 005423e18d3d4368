"""Read one data file strictly: UTF-8 without a byte-order mark, no tab, valid YAML without
repeated keys, anchors or aliases (pension.loader.strict_load), a mapping at the top level.
Every problem becomes a DataError naming the file and, where there is one, the line."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from hooks.load.schema import DataError
from pension.loader import strict_load


def rel_name(path: Path, data_root: Path) -> str:
    """'data/measures/x.yml': the name an editor recognises, whatever the working directory."""
    try:
        return str(path.relative_to(data_root.parent))
    except ValueError:
        return str(path)


# Parsed files by content: sitedata.load reads each file twice (the generic walk, then its
# loader). Callers get a copy, since loaders add keys such as _file.
_parsed: dict[bytes, Any] = {}


# Set by site_data.load for its run: fills the {{…}} figures of every file read (figures.py), so
# every check and page sees the text a reader sees.
_fill: Callable[[Any, str], Any] | None = None


@contextmanager
def filling(fill: Callable[[Any, str], Any]) -> Iterator[None]:
    global _fill
    before, _fill = _fill, fill
    try:
        yield
    finally:
        _fill = before


def read_yaml(path: Path, data_root: Path) -> Any:
    raw = path.read_bytes()
    if raw not in _parsed:
        if len(_parsed) > 200:   # a long `mkdocs serve` session: keep only recent files
            _parsed.clear()
        _parsed[raw] = _parse(raw, rel_name(path, data_root))
    doc = copy.deepcopy(_parsed[raw])
    return _fill(doc, rel_name(path, data_root)) if _fill else doc


def _parse(raw: bytes, file: str) -> Any:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(file, "(line 1)", None, "UTF-8 without a byte-order mark (BOM)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataError(file, f"(byte {err.start})", None, "UTF-8 text") from None
    if "\t" in text:
        line = text[:text.index("\t")].count("\n") + 1
        raise DataError(file, f"(line {line})", text.splitlines()[line - 1],
                        "spaces, not a tab character")
    try:
        doc = strict_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        lines = text.splitlines()
        shown = lines[mark.line] if mark and mark.line < len(lines) else None
        hint = "; a text that starts with a {{…}} figure must be in quotes" \
            if shown and ": {{" in shown else ""
        raise DataError(file, f"({where})", shown,
                        f"valid YAML: {err.problem or err.context}{hint}") from None
    if not isinstance(doc, dict):
        if doc is None:
            raise DataError(file, "(top level)", None,
                            "a mapping of keys at the top level, found an empty file")
        raise DataError(file, "(top level)", doc, "a mapping of keys at the top level")
    return doc
