"""The I/O edge: read data/parameters.yml into a :class:`ParameterSet`.

This is the only module of the package that touches files or YAML (the CLI and the tests
use it; the MkDocs hooks may load the file themselves and pass the mapping to
``ParameterSet``). PyYAML is imported here only, lazily, so the rules stay stdlib-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .params import ParameterSet

REPO = Path(__file__).resolve().parents[1]
PARAMETERS_PATH = REPO / "data" / "parameters.yml"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely (no custom tags), as UTF-8."""
    import yaml  # the one third-party import, kept at the edge

    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_parameters(path: Path | None = None) -> ParameterSet:
    """Load and check the parameters file (default: the repository's data/parameters.yml)."""
    return ParameterSet(read_yaml(path or PARAMETERS_PATH))
