"""data/finder.yml: the finder's choices, notes and words (docs/finder.md, hooks/render/finder.py).

Checked after the audiences, the FAQ and the calculators are loaded, because the finder names
them; its notes are claims (force, cites), checked with every other claim in policy_data.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.load.claims import CLAIM_KEYS, split_claim
from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_list,
    check_refs,
    check_text,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name

FILE = "finder.yml"
# The answers a finder link carries (?who=…&hukou=…&birth=…&paying=…); `birth` is typed, the
# others are choices. The names are promised to readers who share links: never rename one.
CHOICE_QUESTIONS = ("who", "hukou", "paying")
TYPED_QUESTIONS = ("birth",)


def load_into(site: Any, root: Path) -> None:
    path = root / FILE
    if not path.exists():
        return
    file = rel_name(path, root)
    doc = read_yaml(path, root)
    check_keys(doc, {"who", "hukou", "paying", "fills", "words"}, file, "")
    audiences = {a["id"] for a in site.audiences}
    faq_ids = {q["id"] for q in site.faq}
    who = _choices(doc, "who", file, {"faq", "calculators"}, need={"text"})
    for i, item in enumerate(who):
        path_i = join("who", i)
        if item["id"] in audiences:
            raise DataError(file, join(path_i, "id"), item["id"],
                            "an id other than the audiences' (data/audiences.yml): every audience "
                            "is a choice already")
        check_text(item["text"], file, join(path_i, "text"))
        if "faq" in item:
            check_refs([item["faq"]], faq_ids, file, join(path_i, "faq"), "FAQ entry")
        if item.get("calculators", "all") != "all":
            raise DataError(file, join(path_i, "calculators"), item["calculators"],
                            "'all' (every calculator of data/calculators.yml) or no key")
    for i, item in enumerate(_choices(doc, "hukou", file, {"notes", "audience"}, need={"notes"})):
        path_i = join("hukou", i)
        if "audience" in item:
            check_refs([item["audience"]], audiences, file, join(path_i, "audience"), "audience")
        notes = check_list(item["notes"], file, join(path_i, "notes"), min_len=1)
        for j, note in enumerate(notes):
            note_path = join(join(path_i, "notes"), j)
            split_claim(note, file, note_path, required=True)
            check_keys(note, {"zh", "en", "who"} | CLAIM_KEYS, file, note_path)
            check_text({"zh": note.get("zh"), "en": note.get("en")}, file, note_path)
            check_refs(note.get("who", []), audiences | {w["id"] for w in who}, file,
                       join(note_path, "who"), "finder choice of who")
    for i, item in enumerate(_choices(doc, "paying", file, {"next", "faq"} | CLAIM_KEYS,
                                      need={"next"})):
        path_i = join("paying", i)
        split_claim(item, file, path_i, required=True)
        check_text(item["next"], file, join(path_i, "next"))
        if "faq" in item:
            check_refs([item["faq"]], faq_ids, file, join(path_i, "faq"), "FAQ entry")
    _check_fills(require(doc, "fills", file, ""), file, site.calculators)
    words = require(doc, "words", file, "")
    if not isinstance(words, dict) or not words:
        raise DataError(file, "words", words, "a mapping of the finder's words")
    for key, value in words.items():
        check_text(value, file, join("words", key))
    doc["_file"] = file
    site.finder = doc


def _choices(doc: dict, key: str, file: str, extra: set[str], need: set[str]) -> list[dict]:
    items = check_list(require(doc, key, file, ""), file, key, min_len=1)
    check_unique(items, file, key)
    for i, item in enumerate(items):
        path = join(key, i)
        check_keys(item, {"id", "label"} | extra | need, file, path)
        check_id(require(item, "id", file, path), file, join(path, "id"))
        check_text(require(item, "label", file, path), file, join(path, "label"))
        for name in sorted(need):
            require(item, name, file, path)
    return items


def _check_fills(fills: Any, file: str, calculators: list[dict]) -> None:
    """Each typed answer names the calculator field it fills, a field of the same kind that some
    calculator has (a renamed field would otherwise leave the links unfilled, silently)."""
    if not isinstance(fills, dict):
        raise DataError(file, "fills", fills, f"a mapping from an answer ({', '.join(TYPED_QUESTIONS)}) "
                        "to a calculator field name")
    months = {f["name"] for c in calculators for f in c["fields"] if f["kind"] == "month"}
    for answer, field in fills.items():
        if answer not in TYPED_QUESTIONS:
            raise DataError(file, join("fills", answer), answer,
                            f"an answer the finder asks for in its own words: {', '.join(TYPED_QUESTIONS)}")
        if field not in months:
            raise DataError(file, join("fills", answer), field,
                            f"a month field of a calculator in data/calculators.yml ({', '.join(sorted(months))})")


def claims_of(site: Any) -> list[tuple[dict, str, str]]:
    """(item, file, key) of every claim in the finder: the hukou notes and the paying steps."""
    finder = getattr(site, "finder", None)
    if not finder:
        return []
    out = []
    for i, item in enumerate(finder["hukou"]):
        for j, note in enumerate(item["notes"]):
            out.append((note, finder["_file"], f"hukou[{i}].notes[{j}]"))
    for i, item in enumerate(finder["paying"]):
        out.append((item, finder["_file"], f"paying[{i}]"))
    return out
