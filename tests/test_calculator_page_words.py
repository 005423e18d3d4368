"""A calculator page carries the words it may show: its own entry's (fields, choices, result
rows), every word the scripts name, and the words of its rules' steps; not the words only other
calculators name (hooks/render/calculators.py)."""

from __future__ import annotations

import json
import re

import pytest

from hooks.render.calculators import calculator
from pension.rules import STEPS


def blocks(site_data, calc_id, lang):
    html = calculator(site_data, lang, f"calculators/{calc_id}/")
    found = dict(re.findall(r'<script type="application/json" class="(calc-[a-z]+)">(.*?)</script>', html))
    return {name: json.loads(text) for name, text in found.items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_page_carries_its_own_words_and_not_only_others(site_data, lang):
    for calc in site_data.calculators:
        got = blocks(site_data, calc["id"], lang)
        words, steps = got["calc-text"], got["calc-steps"]["steps"]
        own = {f["name"] for f in calc["fields"]} | {o["words"] for o in calc["outputs"] if "words" in o}
        own.add(calc["headline"]["words"])
        assert got["calc-spec"]["headline"] == calc["headline"], calc["id"]
        assert own | site_data.calc_script_words <= set(words), calc["id"]
        assert set(steps) == {name for rule in calc["rules"] for name in STEPS[rule]}, calc["id"]
        assert words["stamp"] == site_data.calc_ui["stamp"][lang]
    # The wage is the employee calculator's field only; the retirement page has no use for it.
    assert "wage" not in blocks(site_data, "retirement-age", lang)["calc-text"]
    assert "wage" in blocks(site_data, "employee-contribution", lang)["calc-text"]
    # So is the pension estimate's headline sentence.
    assert "h_total" not in blocks(site_data, "retirement-age", lang)["calc-text"]


def test_the_scripts_name_no_calculator_and_no_field(site_data):
    """data/calculators.yml is the one list: outside the rules (core.js, where rules are not
    calculators) no calculator script names a calculator id or a field (as a string, or as
    values.NAME / fields.NAME / input.NAME), so a new calculator needs no script change. A row
    of a `changes` field has its own two parts (data-change: month, base), the kind's, not a field."""
    from conftest import ROOT
    kinds = {"month", "choice", "switch", "year", "money", "number", "whole", "changes"}
    ids = {c["id"] for c in site_data.calculators}
    names = {f["name"] for c in site_data.calculators for f in c["fields"]} - kinds
    pattern = re.compile("|".join(
        [re.escape(i) for i in ids]
        + [rf"[\"']{re.escape(n)}[\"']|\b(?:values|fields|input)\.{re.escape(n)}\b" for n in names]))
    scripts = sorted((ROOT / "docs" / "assets" / "js" / "calc").glob("*.js"))
    assert len(scripts) > 5
    found = [f"{path.name}:{n}: {line.strip()}" for path in scripts if path.name != "core.js"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(re.sub(r'"data-change": "\w+"', "", line))]
    assert not found, found
