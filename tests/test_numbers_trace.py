"""Every amount and percentage written in the reader-facing prose (data/ and the hand-written
pages under docs/) traces to a parameter, a rule's
result computed from the parameters, a worked example, or a target of the document. If a
parameter is corrected, the prose that still shows the old figure fails here."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from conftest import ROOT

from hooks.render import calculators as calc_tables
from pension.rules import run

# Illustrations written in the prose (not worked examples): recomputed here from the rules, so a
# change of rate or limit still shows up as an untraced figure.
ILLUSTRATIONS = [
    ("employee-contribution", {"year": 2025, "wage": 6000}),      # faq: wage of 6,000 a month
    ("hardship-subsidy", {"year": 2025, "base": "lower", "months": 1}),  # 2/3 subsidy a month
]
AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(元|yuan|%|％)")


def numbers_in(obj):
    if isinstance(obj, dict):
        for value in obj.values():
            yield from numbers_in(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from numbers_in(value)
    elif isinstance(obj, int | float | Decimal) and not isinstance(obj, bool):
        yield Decimal(str(obj))


def as_written(value: Decimal) -> set[str]:
    """The ways a reader may see a number: 4311, 4,311, 862.2, 862.20."""
    forms = {f"{value:,.2f}", f"{value:.2f}", f"{value.normalize():f}", f"{value:,f}"}
    if value == value.to_integral():
        forms |= {f"{int(value):,}", str(int(value))}
    return {f.replace(",", "") for f in forms}


@pytest.fixture(scope="module")
def known(site_data):
    values: set[Decimal] = set(numbers_in(site_data.parameters))
    values |= {v * 100 for v in list(values) if v < 1}           # rates as percentages
    for ex in site_data.examples:
        values |= set(numbers_in(ex["input"])) | set(numbers_in(ex["expected"]))
    values |= {Decimal(t["percent"]) for t in site_data.document["targets"]}
    params = site_data.params
    limits = site_data.parameters["parameters"]["contribution_base_limits"]["values"]
    for year, pair in limits.items():
        for base in numbers_in(pair):
            result = run(params, "flexible-contribution", {"year": int(year), "base": float(base)})
            values |= set(numbers_in(result.to_dict()))
            result = run(params, "employee-contribution", {"year": int(year), "wage": float(base)})
            values |= set(numbers_in(result.to_dict()))
    values |= {Decimal(tier) for tier in calc_tables.TIERS}        # the tiers the calculator offers
    for rule, given in ILLUSTRATIONS:
        if given.get("base") == "lower":
            given = {**given, "base": limits[given["year"]]["value"]["lower"]}
        values |= set(numbers_in(given)) | set(numbers_in(run(params, rule, given).to_dict()))
    forms = set()
    for v in values:
        forms |= as_written(v)
    return forms


def prose(site_data):
    for m in site_data.measures:
        yield m["_file"], m
    yield "data/faq.yml", site_data.faq
    yield "data/glossary.yml", site_data.glossary
    for g in site_data.guides:
        yield g["_file"], g


def texts(obj):
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in ("zh", "en") and isinstance(value, str):
                yield value
            else:
                yield from texts(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from texts(value)


def untraced_in(file: str, text: str, known: set[str]) -> list[str]:
    found = []
    for match in AMOUNT.finditer(text):
        number = (match.group(1) + (match.group(2) or "")).replace(",", "")
        if number not in known:
            context = text[max(0, match.start() - 30):match.end() + 10]
            found.append(f"{file}: {match.group(0)!r} in …{context}…")
    return found


def test_every_figure_in_the_prose_traces_to_data(site_data, known):
    untraced = [line for file, obj in prose(site_data) for text in texts(obj)
                for line in untraced_in(file, text, known)]
    assert not untraced, "\n".join(untraced)


def test_every_figure_in_the_hand_written_pages_traces_to_data(known):
    pages = [*ROOT.glob("docs/*.md"), *ROOT.glob("docs/calculators/*.md")]
    assert len(pages) >= 10
    untraced = [line for page in pages
                for line in untraced_in(str(page.relative_to(ROOT)), page.read_text(encoding="utf-8"), known)]
    assert not untraced, "\n".join(untraced)
