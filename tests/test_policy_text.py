"""data/policy.yml, the full text of the opinions unit by unit, keeps the shape the pages and #anchors rely on:
sections 一 to 七, clauses (一) to (十五) in order, ids unique and placed, every unit in both languages.

The checker returns a list of problems; the real file must have none, and broken copies must be caught."""

from __future__ import annotations

import copy
import re

import pytest
import yaml
from conftest import DATA

# Sections 三 to 七 hold clauses (一) to (十五), three each; sections 一 and 二 hold sentences directly.
CLAUSES_OF_SECTION = {3: [1, 2, 3], 4: [4, 5, 6], 5: [7, 8, 9], 6: [10, 11, 12], 7: [13, 14, 15]}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # ideographs and full-width/CJK punctuation
HALF_WIDTH = re.compile(r"[,():;]")
UNIT_ENDINGS = ("。", "；", "：")


def load() -> dict:
    return yaml.safe_load((DATA / "policy.yml").read_text(encoding="utf-8"))


def check_units(units, prefix: str, where: str, seen: set, problems: list) -> None:
    if not isinstance(units, list) or not units:
        problems.append(f"{where}: expected a non-empty list of units, got {units!r}")
        return
    for k, unit in enumerate(units, start=1):
        at = f"{where}[{k - 1}]"
        uid = unit.get("id")
        if uid != f"{prefix}-{k}":
            problems.append(f"{at}.id: expected {prefix}-{k}, got {uid!r}")
        if not isinstance(uid, str) or not uid.isascii():
            problems.append(f"{at}.id: expected ASCII text, got {uid!r}")
        elif uid in seen:
            problems.append(f"{at}.id: {uid!r} is used twice")
        seen.add(uid)
        zh, en = unit.get("zh"), unit.get("en")
        if not isinstance(zh, str) or not zh.strip():
            problems.append(f"{at}.zh: expected Chinese text, got {zh!r}")
        else:
            if HALF_WIDTH.search(zh):
                problems.append(f"{at}.zh: half-width punctuation {HALF_WIDTH.findall(zh)} in {zh!r}")
            if not zh.endswith(UNIT_ENDINGS):
                problems.append(f"{at}.zh: expected to end with 。 ； or ：, got {zh[-10:]!r}")
        if not isinstance(en, str) or not en.strip():
            problems.append(f"{at}.en: expected English text, got {en!r}")
        elif CJK.search(en):
            problems.append(f"{at}.en: Chinese characters {CJK.findall(en)} in {en!r}")


def check_heading(obj: dict, where: str, problems: list) -> None:
    heading = obj.get("heading") or {}
    for lang in ("zh", "en"):
        if not isinstance(heading.get(lang), str) or not heading[lang].strip():
            problems.append(f"{where}.heading.{lang}: expected text, got {heading.get(lang)!r}")
    if isinstance(heading.get("en"), str) and CJK.search(heading["en"]):
        problems.append(f"{where}.heading.en: Chinese characters in {heading['en']!r}")


def problems_in(doc: dict) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    if doc.get("source") != "anhui-opinions-2025":
        problems.append(f"source: expected anhui-opinions-2025, got {doc.get('source')!r}")
    check_units(doc.get("preamble"), "p", "preamble", seen, problems)
    sections = doc.get("sections") or []
    if [s.get("number") for s in sections] != list(range(1, 8)):
        problems.append(f"sections: expected numbers 1-7 in order, got {[s.get('number') for s in sections]}")
    clause_numbers = []
    for i, section in enumerate(sections):
        n, where = section.get("number"), f"sections[{i}]"
        if section.get("id") != f"s{n}" or section.get("id") in seen:
            problems.append(f"{where}.id: expected s{n} (once), got {section.get('id')!r}")
        seen.add(section.get("id"))
        check_heading(section, where, problems)
        if n in CLAUSES_OF_SECTION:
            if "units" in section:
                problems.append(f"{where}: section {n} holds clauses, not units")
            clauses = section.get("clauses") or []
            numbers = [c.get("number") for c in clauses]
            clause_numbers += numbers
            if numbers != CLAUSES_OF_SECTION[n]:
                problems.append(f"{where}.clauses: expected {CLAUSES_OF_SECTION[n]}, got {numbers}")
            for j, clause in enumerate(clauses):
                c, cwhere = clause.get("number"), f"{where}.clauses[{j}]"
                if clause.get("id") != f"c{c}" or clause.get("id") in seen:
                    problems.append(f"{cwhere}.id: expected c{c} (once), got {clause.get('id')!r}")
                seen.add(clause.get("id"))
                check_heading(clause, cwhere, problems)
                check_units(clause.get("units"), f"c{c}", f"{cwhere}.units", seen, problems)
        else:
            if "clauses" in section:
                problems.append(f"{where}: section {n} holds units, not clauses")
            check_units(section.get("units"), f"s{n}", f"{where}.units", seen, problems)
    if clause_numbers != list(range(1, 16)):
        problems.append(f"clauses: expected 1-15 in order, got {clause_numbers}")
    return problems


def test_the_policy_text_has_its_full_shape():
    assert problems_in(load()) == []


def test_section_two_keeps_its_four_targets_as_paragraph_starts():
    # The page starts a new paragraph at each unit that begins with ——: there are four 2030 targets.
    units = load()["sections"][1]["units"]
    starts = [u["id"] for u in units if u["zh"].startswith("——")]
    assert len(starts) == 4, starts
    assert not units[0]["zh"].startswith("——")  # the paragraph before the targets


def test_title_is_bilingual():
    title = load()["title"]
    assert title["zh"] == "关于加快推进我省企业职工基本养老保险扩面提质增效的意见"
    assert title["en"].strip() and not CJK.search(title["en"])


def _broken(change) -> list[str]:
    doc = copy.deepcopy(load())
    change(doc)
    return problems_in(doc)


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["sections"][2]["clauses"][0]["units"][1].update(id="c1-1"), "c1-2"),
    (lambda d: d["sections"][2]["clauses"][0]["units"][0].update(id="c1-ü"), "ASCII"),
    (lambda d: d["sections"].pop(), "1-7"),
    (lambda d: d["sections"][3]["clauses"].reverse(), "1-15"),
    (lambda d: d["sections"][0]["units"][0].update(en=""), "expected English text"),
    (lambda d: d["preamble"][0].update(zh=None), "expected Chinese text"),
    (lambda d: d["sections"][4]["clauses"][1]["units"][0].update(en="Basic 养老 pension."), "Chinese characters"),
    (lambda d: d["sections"][2]["clauses"][2]["units"][0].update(zh="积极发展,全面实施。"), "half-width"),
    (lambda d: d["sections"][2]["clauses"][2]["units"][0].update(zh="积极发展养老保险第三支柱"), "to end with"),
    (lambda d: d["sections"][5]["clauses"][0].update(id="c11"), "expected c10"),
])
def test_the_checker_catches_a_broken_copy(change, expected):
    found = _broken(change)
    assert any(expected in p for p in found), found
