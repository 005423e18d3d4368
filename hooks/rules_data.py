"""Load the rules' data: data/parameters.yml (dated, sourced numbers) and data/examples.yml
(worked examples). The pure package pension/ checks the parameters; this file adds the file name
to its errors and checks the examples' references."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schema import check_id, check_list, check_refs, check_text, check_unique, join, require
from yamlfile import read_yaml, rel_name


def load_into(site: Any, root: Path, ids: dict[str, set[str]]) -> None:
    params_path = root / "parameters.yml"
    if params_path.exists():
        site.parameters = read_yaml(params_path, root)
    examples_path = root / "examples.yml"
    if examples_path.exists():
        file = rel_name(examples_path, root)
        doc = read_yaml(examples_path, root)
        items = doc.get("examples", doc) if isinstance(doc, dict) else doc
        check_list(items, file, "examples", min_len=1)
        for i, ex in enumerate(items):
            path = join("examples", i)
            check_refs([require(ex, "measure", file, path)], ids["measure"], file,
                       join(path, "measure"), "measure")
            check_text(require(ex, "persona", file, path), file, join(path, "persona"))
            check_text(require(ex, "story", file, path), file, join(path, "story"))
            if "assumptions" in ex:
                check_text(ex["assumptions"], file, join(path, "assumptions"))
            check_id(ex.get("id"), file, join(path, "id"))
        check_unique(items, file, "examples")
        site.examples = items
