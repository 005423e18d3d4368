"""Load data/policy.yml (the policy text as units, format in the README) and data/force_words.yml,
then check every claim against them (hooks/load/claims.py) and count the coverage.

Called by sitedata.load() after everything else is loaded, so the claims of measures, FAQ
entries and guide steps are all known. Raises schema.DataError naming file, key and value.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hooks.load import claims, finder_data
from hooks.load.schema import (
    DataError,
    check_keys,
    check_list,
    check_text,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name

SECTION_ID = re.compile(r"^s[1-9]$")
CLAUSE_ID = re.compile(r"^c(?:[1-9]|1[0-5])$")
CLAUSE_COUNT = 15


def load_into(site: Any, root: Path, source_ids: set[str]) -> None:
    path = root / "policy.yml"
    file = rel_name(path, root)
    if not path.exists():
        raise DataError(file, "(file)", None, "this file to exist (the policy text, see README)")
    site.policy = load_policy(read_yaml(path, root), file, source_ids)
    words_path = root / "force_words.yml"
    if not words_path.exists():
        raise DataError(rel_name(words_path, root), "(file)", None, "this file to exist")
    words = load_words(read_yaml(words_path, root), rel_name(words_path, root))
    found = site_claims(site)
    claims.check_claims(found, site.policy["units"], words, file)
    site.coverage = claims.coverage(site.policy["units"], found, file)


def site_claims(site: Any) -> list[claims.Claim]:
    """Every claim, in page order: measure changes, FAQ answers, guide steps."""
    out = []
    for m in site.measures:
        for i, change in enumerate(m["changes"]):
            out.append(claims.split_claim(change, m["_file"], join("changes", i), required=True))
    for i, q in enumerate(site.faq):
        out.append(claims.split_claim(q, "data/faq.yml", join("faq", i), required=False))
    for g in site.guides:
        for i, step in enumerate(g["steps"]):
            out.append(claims.split_claim(step, g["_file"], join("steps", i), required=False))
    for item, file, key in finder_data.claims_of(site):
        out.append(claims.split_claim(item, file, key, required=True))
    return [c for c in out if c is not None]


def load_words(doc: Any, file: str) -> dict[str, list[str]]:
    check_keys(doc, {"soft", "rule", "not_rule"}, file, "")
    words = {}
    for kind in ("soft", "rule", "not_rule"):
        listed = require(doc, kind, file, "")
        if not isinstance(listed, dict) or not listed:
            raise DataError(file, kind, listed, "a mapping of word: why it is listed")
        for word, why in listed.items():
            if not isinstance(word, str) or not word.strip() or not isinstance(why, str):
                raise DataError(file, join(kind, str(word)), why, "a word with a note saying why")
        words[kind] = list(listed)
    return words


def load_policy(doc: Any, file: str, source_ids: set[str]) -> dict:
    """Check the structure and return {source, title, preamble, sections, units (id → Unit),
    clause_units (clause number → [Unit])}."""
    check_keys(doc, {"source", "title", "preamble", "sections"}, file, "")
    if require(doc, "source", file, "") not in source_ids:
        raise DataError(file, "source", doc["source"], "a source id from data/sources.yml")
    check_text(require(doc, "title", file, ""), file, "title")
    units: dict[str, claims.Unit] = {}
    clause_units: dict[int, list[claims.Unit]] = {}

    def take(items: Any, path: str) -> list[claims.Unit]:
        out = []
        for i, u in enumerate(check_list(items, file, path, min_len=1)):
            upath = join(path, i)
            check_keys(u, {"id", "zh", "en", "skip"}, file, upath)
            uid = require(u, "id", file, upath)
            if not isinstance(uid, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", uid):
                raise DataError(file, join(upath, "id"), uid, "an ASCII id like c4-1")
            if uid in units:
                raise DataError(file, join(upath, "id"), uid, "a unit id not used before")
            text = {k: require(u, k, file, upath) for k in ("zh", "en")}
            check_text(text, file, upath)
            skip = u.get("skip")
            if "skip" in u and (not isinstance(skip, str) or not skip.strip()):
                raise DataError(file, join(upath, "skip"), skip,
                                "a non-empty reason why this unit is not explained")
            unit = claims.Unit(uid, u["zh"].strip(), u["en"].strip(), upath, skip)
            units[uid] = unit
            out.append(unit)
        return out

    doc["preamble_units"] = take(require(doc, "preamble", file, ""), "preamble")
    sections = check_list(require(doc, "sections", file, ""), file, "sections", min_len=1)
    for i, sec in enumerate(sections):
        path = join("sections", i)
        check_keys(sec, {"id", "number", "heading", "units", "clauses"}, file, path)
        _numbered(sec, file, path, SECTION_ID, "s", i + 1)
        check_text(require(sec, "heading", file, path), file, join(path, "heading"))
        if ("units" in sec) == ("clauses" in sec):
            raise DataError(file, path, sorted(sec), "either units (the first two sections) or clauses")
        if "units" in sec:
            sec["_units"] = take(sec["units"], join(path, "units"))
            continue
        for j, cl in enumerate(check_list(sec["clauses"], file, join(path, "clauses"), min_len=1)):
            cpath = join(join(path, "clauses"), j)
            check_keys(cl, {"id", "number", "heading", "units"}, file, cpath)
            _numbered(cl, file, cpath, CLAUSE_ID, "c", len(clause_units) + 1)
            check_text(require(cl, "heading", file, cpath), file, join(cpath, "heading"))
            cl["_units"] = take(require(cl, "units", file, cpath), join(cpath, "units"))
            clause_units[cl["number"]] = cl["_units"]
    if len(clause_units) != CLAUSE_COUNT:
        raise DataError(file, "sections", f"{len(clause_units)} clauses",
                        f"{CLAUSE_COUNT} clauses, (1) to ({CLAUSE_COUNT})")
    doc["units"] = units
    doc["clause_units"] = clause_units
    doc["_file"] = file
    return doc


def _numbered(item: Any, file: str, path: str, pattern: re.Pattern, prefix: str, n: int) -> None:
    """Sections s1…s7 and clauses c1…c15 come in order, id and number agreeing."""
    number = require(item, "number", file, path)
    if number != n or isinstance(number, bool):
        raise DataError(file, join(path, "number"), number, f"{n} (they are numbered in order)")
    ident = require(item, "id", file, path)
    if not isinstance(ident, str) or not pattern.match(ident) or ident != f"{prefix}{n}":
        raise DataError(file, join(path, "id"), ident, f"'{prefix}{n}'")
