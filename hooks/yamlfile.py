"""Read one YAML file strictly: syntax errors and repeated keys become DataError with a line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from schema import DataError


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in this mapping", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def rel_name(path: Path, data_root: Path) -> str:
    """'data/measures/x.yml': the name an editor recognises, whatever the working directory."""
    try:
        return str(path.relative_to(data_root.parent))
    except ValueError:
        return str(path)


def read_yaml(path: Path, data_root: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown line"
        raise DataError(rel_name(path, data_root), f"({where})", None,
                        f"valid YAML: {err.problem or err.context}") from None
