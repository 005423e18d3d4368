"""Worked examples: every computed number equals the hand-checked expected one, and the
Markdown shows the working, the sources and the unverified notes in both languages."""

from __future__ import annotations

import re

import pytest

from hooks.render import examples as examples_md
from pension.loader import REPO, load_parameters, read_yaml
from pension.rules import RULES

PARAMS = load_parameters()
EXAMPLES = read_yaml(REPO / "data" / "examples.yml")["examples"]
SOURCES = {s["id"]: s for s in read_yaml(REPO / "data" / "sources.yml")["sources"]}
WORDS = read_yaml(REPO / "data" / "example_words.yml")
CALC_WORDS = read_yaml(REPO / "data" / "calculator_ui.yml")
MEASURES = {"basic-pension", "enterprise-annuity", "personal-pension",
            "enrolment-and-contributions", "transfer-and-claim-place", "contribution-support",
            "coverage-records", "service-capacity", "digital-services", "department-duties",
            "joint-action", "data-sharing", "priority", "leadership", "outreach"}
IDS = [e["id"] for e in EXAMPLES]


def assert_subset(got: object, want: object, path: str = "") -> None:
    """Every expected key is present and equal (numbers compared to the fen)."""
    if isinstance(want, dict):
        assert isinstance(got, dict), path
        for key, value in want.items():
            assert key in got, f"{path}.{key} missing"
            assert_subset(got[key], value, f"{path}.{key}")
    elif isinstance(want, float | int) and not isinstance(want, bool):
        assert isinstance(got, int | float) and not isinstance(got, bool), path
        assert round(got, 2) == round(want, 2), f"{path}: {got} != {want}"
    else:
        assert got == want, f"{path}: {got!r} != {want!r}"


def test_at_least_twelve_examples_with_unique_ids() -> None:
    assert len(EXAMPLES) >= 12
    assert len(set(IDS)) == len(IDS)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_example_shape(example: dict) -> None:
    assert example["measure"] in MEASURES
    assert example["rule"] in RULES
    for key in ("persona", "story"):
        assert example[key]["zh"].strip() and example[key]["en"].strip()
    assert isinstance(example["params_year"], int)
    assert example["expected"], "an example with a rule must expect something"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_computed_equals_expected(example: dict) -> None:
    result = examples_md.compute_example(example, PARAMS)
    assert_subset(result, example["expected"])


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rendered_markdown(example: dict, lang: str) -> None:
    result = examples_md.compute_example(example, PARAMS)
    text = examples_md.render_example(example, result, lang, SOURCES, WORDS, CALC_WORDS)
    assert text.startswith(f"### {example['persona'][lang]} {{#example-{example['id']}}}")
    assert not re.search(r"^#{1,2} ", text, re.M), "no heading above level 3"
    assert example["story"][lang] in text
    for step in result["working"]["steps"]:
        assert WORDS["steps"][step["name"]][lang] in text, step["name"]
    unverified = [p for p in result["working"]["parameters"] if not p["verified"]]
    note = "未经官方核实" if lang == "zh" else "not verified on the official site"
    assert text.count(note) == len(unverified)
    for p in result["working"]["parameters"]:
        src = SOURCES[p["source"]]
        assert (f"]({src['url']})" in text) if src["url"] else (src["title"][lang] in text)
    if lang == "zh":
        assert "yuan" not in text
    else:
        assert "元" not in text


def test_rider_working_reads_step_by_step() -> None:
    example = EXAMPLES[IDS.index("rider-hefei-quarterly")]
    result = examples_md.compute_example(example, PARAMS)
    zh = examples_md.render_example(example, result, "zh", SOURCES, WORDS, CALC_WORDS)
    en = examples_md.render_example(example, result, "en", SOURCES, WORDS, CALC_WORDS)
    assert "4,311 × 20% = 862.20元/月" in zh
    assert "4,311 × 20% = 862.20 yuan a month" in en
    assert "862.20 × 3 = 2,586.60 yuan a quarter" in en
    assert "参数年份：2025" in zh


def test_explanation_only_example_computes_nothing() -> None:
    assert examples_md.compute_example({"rule": "none", "input": {}}, PARAMS) == {}


@pytest.mark.parametrize(("value", "kind", "text"), [
    (4311, "amount", "4,311"), (862.2, "money", "862.20"), (10346.4, "money", "10,346.40"),
    (0.2, "rate", "20%"), (0.015, "rate", "1.5%"), (0.013, "rate", "1.3%"),
    (136.7, "months", "136.7"), (21, "months", "21"),
])
def test_number_format(value: object, kind: str, text: str) -> None:
    assert examples_md.fmt_number(value, kind) == text
