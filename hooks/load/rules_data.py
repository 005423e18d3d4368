"""Load the rules' data: data/parameters.yml (dated, sourced numbers), data/examples.yml
(worked examples) and data/example_words.yml (the words the examples are shown with). The pure
package pension/ checks the parameters; this file adds the file name to its errors and checks
the examples' references and that each of their inputs has a name in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.load import example_checks
from hooks.load.schema import (
    DataError,
    check_id,
    check_list,
    check_refs,
    check_text,
    check_type,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name
from hooks.render.textfmt import Words
from pension.params import ParameterError, ParameterSet


def load_into(site: Any, root: Path, ids: dict[str, set[str]]) -> None:
    params_path = root / "parameters.yml"
    if params_path.exists():
        site.parameters = read_yaml(params_path, root)
        site.params = _parameter_set(site.parameters, rel_name(params_path, root), ids)
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
    site.example_words = _load_example_words(root)
    named = site.example_words["inputs"]
    for i, ex in enumerate(site.examples):
        check_type(ex.get("input") or {}, dict, "data/examples.yml", f"examples[{i}].input",
                   "a mapping of the rule's inputs, e.g. {year: 2025, base: 4311}")
        for key in ex.get("input") or {}:
            if key not in named:
                raise DataError("data/examples.yml", f"examples[{i}].input.{key}", key,
                                "an input that data/example_words.yml names under inputs")
    if site.examples and site.params is not None:
        example_checks.check_examples(site.examples, site.params)


def _parameter_set(doc: dict, file: str, ids: dict[str, set[str]]) -> ParameterSet:
    """The rules' own checks (pension/param_checks.py), named by file, plus the source ids."""
    try:
        params = ParameterSet(doc)
    except ParameterError as err:
        raise DataError(file, err.path, err.value, err.expected) from None
    for name in params.names():
        for key, entry in params.spec(name)["values"].items():
            if entry["source"] not in ids["source"]:
                raise DataError(file, f"parameters.{name}.values.{key}.source", entry["source"],
                                "a source id from data/sources.yml")
    return params


EXAMPLE_WORD_SECTIONS = ("labels", "units", "inputs", "steps")


def _load_example_words(root: Path) -> dict[str, dict[str, dict[str, str]]]:
    path = root / "example_words.yml"
    file = rel_name(path, root)
    doc = read_yaml(path, root)
    for section in EXAMPLE_WORD_SECTIONS:
        words = require(doc, section, file, "")
        if not isinstance(words, dict):
            raise DataError(file, section, words, "a mapping of names to {zh, en} texts")
        for key, text in words.items():
            if not isinstance(key, str):   # YAML reads a bare yes/no/on/off key as true/false
                raise DataError(file, join(section, str(key)), key, "a name in quotes or not yes/no")
            check_text(text, file, join(section, key))
        doc[section] = Words(file, words, section)
    return doc
