"""Load what the open data files (/data/*.json) need beyond the rest of SiteData: the words that
document their fields (data/open_data.yml) and the public test vectors
(tests/vectors/public.json, the independent cases the project was given; see its README).

The vectors stay where the tests read them, so there is one copy; the build reads them from there
and publishes them with their SHA-256, so anyone can check the published cases are that file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_list,
    check_text,
    check_type,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name
from pension.rules import RULES

FILE_IDS = ("parameters", "measures", "vectors")   # /data/<id>.json, in this order
VECTORS = Path("tests") / "vectors" / "public.json"
# The project these hooks belong to: the vectors are part of the code and its tests, not of data/,
# so a copy of data/ alone (as tests make to break one file) still finds them.
PROJECT = Path(__file__).resolve().parents[2]


def load_into(site: Any, root: Path) -> None:
    site.open_data = _load_fields(root)
    site.public_vectors = load_public_vectors(PROJECT)


def _load_fields(root: Path) -> dict:
    path = root / "open_data.yml"
    file = rel_name(path, root)
    if not path.exists():
        raise DataError(file, "(file)", None, "this file to exist")
    doc = read_yaml(path, root)
    check_keys(doc, {"version", "files", "common"}, file, "")
    version = check_type(require(doc, "version", file, ""), int, file, "version",
                         "a whole number from 1 (the files' schema version)")
    if version < 1:
        raise DataError(file, "version", version, "a whole number from 1 (the files' schema version)")
    files = check_list(require(doc, "files", file, ""), file, "files", min_len=1)
    check_unique(files, file, "files")
    found = [check_id(require(f, "id", file, join("files", i)), file, join(join("files", i), "id"))
             for i, f in enumerate(files)]
    if found != list(FILE_IDS):
        raise DataError(file, "files", found, f"the files {list(FILE_IDS)}, in this order")
    for i, f in enumerate(files):
        check_keys(f, {"id", "fields"}, file, join("files", i))
        _check_fields(require(f, "fields", file, join("files", i)), file, join(join("files", i), "fields"))
    _check_fields(require(doc, "common", file, ""), file, "common")
    return doc


def _check_fields(items: Any, file: str, path: str) -> None:
    check_list(items, file, path, min_len=1)
    seen = set()
    for i, item in enumerate(items):
        where = join(path, i)
        check_keys(item, {"field", "about"}, file, where)
        name = require(item, "field", file, where)
        if not isinstance(name, str) or not name or name in seen:
            raise DataError(file, join(where, "field"), name, "a field path not listed before, like parameters[].name")
        seen.add(name)
        check_text(require(item, "about", file, where), file, join(where, "about"))


def load_public_vectors(project: Path) -> dict:
    """{file, sha256, cases: [{rule, input, output}]}, checked: each rule exists."""
    path = project / VECTORS
    file = VECTORS.as_posix()
    if not path.exists():
        raise DataError(file, "(file)", None, "the public test vectors (see tests/vectors/README.md)")
    raw = path.read_bytes()
    try:
        cases = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError(file, "(file)", str(err), "valid JSON in UTF-8") from None
    check_list(cases, file, "(top level)", min_len=1)
    for i, case in enumerate(cases):
        where = f"[{i}]"
        check_keys(case, {"rule", "input", "output"}, file, where)
        rule = require(case, "rule", file, where)
        if rule not in RULES:
            raise DataError(file, f"{where}.rule", rule, f"a rule of pension/rules.py ({', '.join(RULES)})")
        for key in ("input", "output"):
            check_type(require(case, key, file, where), dict, file, f"{where}.{key}", "a JSON object")
    return {"file": file, "sha256": hashlib.sha256(raw).hexdigest(), "cases": cases}
