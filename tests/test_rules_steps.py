"""Each rule reports only the working steps pension.rules.STEPS lists for it (a calculator page
ships the words of those steps only, hooks/render/calculators.py), and every listed step has
words in data/example_words.yml."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from hooks.load.yaml_file import read_yaml
from pension.errors import PensionError
from pension.loader import load_parameters
from pension.rules import RULES, STEPS, run

VECTORS = ROOT / "tests" / "vectors" / "public.json"


@pytest.fixture(scope="module")
def params():
    return load_parameters(ROOT / "data" / "parameters.yml")


def cases():
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    examples = read_yaml(ROOT / "data" / "examples.yml", ROOT / "data")["examples"]
    return ([(v["rule"], v["input"]) for v in vectors]
            + [(e["rule"], e["input"]) for e in examples if e.get("rule") not in (None, "none")])


def test_every_rule_lists_its_steps():
    assert set(STEPS) == set(RULES)


def test_a_rule_reports_only_its_listed_steps(params):
    seen: dict[str, set[str]] = {}
    for rule, data in cases():
        try:
            result = run(params, rule, data)
        except PensionError:
            continue
        names = {step.name for step in result.steps}
        assert names <= set(STEPS[rule]), (rule, data, names - set(STEPS[rule]))
        seen.setdefault(rule, set()).update(names)
    assert len(seen) >= 10


def test_every_listed_step_has_words():
    words = read_yaml(ROOT / "data" / "example_words.yml", ROOT / "data")["steps"]
    for rule, names in STEPS.items():
        for name in names:
            assert name in words, (rule, name)
