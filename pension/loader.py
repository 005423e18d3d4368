"""The I/O edge: read data/parameters.yml into a :class:`ParameterSet`.

This is the only module of the package that touches files or YAML (the CLI and the tests
use it; the MkDocs hooks read every data file through ``strict_load`` too). PyYAML is imported
here only, lazily, so the rules stay stdlib-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .params import ParameterError, ParameterSet

REPO = Path(__file__).resolve().parents[1]
PARAMETERS_PATH = REPO / "data" / "parameters.yml"


def strict_load(text: str) -> Any:
    """Parse YAML safely (no custom tags) and strictly: a key written twice in one mapping, an
    anchor (&name) or an alias (*name) is a yaml.MarkedYAMLError with its line, never a silent
    choice (PyYAML keeps the last of two keys; an alias silently shares one value). Uses
    libyaml when PyYAML has it (ten times faster on our files)."""
    import yaml  # the one third-party import, kept at the edge

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):  # type: ignore[override]
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key {key!r} appears twice in this mapping",
                        key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    for event in yaml.parse(text, Loader=base):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "an anchor (&name) or alias (*name): write each value out",
                event.start_mark)
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 (a SafeLoader subclass)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file (UTF-8) with :func:`strict_load`."""
    return strict_load(path.read_text(encoding="utf-8"))


def load_parameters(path: Path | None = None) -> ParameterSet:
    """Load and check the parameters file (default: the repository's data/parameters.yml).
    Bad YAML is a ParameterError (a ValueError, which the CLI reports) naming the line."""
    import yaml

    try:
        doc = read_yaml(path or PARAMETERS_PATH)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"(line {mark.line + 1})" if mark else "(file)"
        raise ParameterError(where, None, f"valid YAML: {err.problem or err.context}") from None
    return ParameterSet(doc)
