"""Every worked example in data/examples.yml is run through the rules at build time: an unknown
rule, an input the rule refuses, or an `expected` value that differs from the computed one
(even by one fen) stops the build, naming the example's key."""

from __future__ import annotations

from typing import Any

from hooks.load.schema import DataError, check_keys, check_type, join
from hooks.render import examples as examples_md
from pension.errors import PensionError
from pension.rules import RULES

FILE = "data/examples.yml"
KEYS = {"id", "measure", "persona", "story", "assumptions", "rule", "input", "params_year",
        "expected"}


def check_examples(examples: list[dict], params: Any) -> None:
    for i, ex in enumerate(examples):
        path = join("examples", i)
        check_keys(ex, KEYS, FILE, path)
        rule = ex.get("rule")
        if rule != "none" and rule not in RULES:
            raise DataError(FILE, join(path, "rule"), rule,
                            f"a rule of pension/rules.py ({', '.join(RULES)}) or none")
        year = check_type(ex.get("params_year"), int, FILE, join(path, "params_year"),
                          "the year of the parameters used, e.g. 2025")
        if not 1990 <= year <= 2100:
            raise DataError(FILE, join(path, "params_year"), year, "a year 1990..2100")
        expected = ex.get("expected")
        if not isinstance(expected, dict) or (rule != "none" and not expected):
            raise DataError(FILE, join(path, "expected"), expected,
                            "a mapping of the outputs worked out by hand ({} for rule: none)")
        if rule == "none":
            continue
        try:
            result = examples_md.compute_example(ex, params)
        except PensionError as err:
            raise DataError(FILE, join(path, "input"), ex.get("input"),
                            f"an input the rule {rule} accepts ({err.message})") from None
        _compare(result, expected, join(path, "expected"))


def _compare(got: Any, want: Any, path: str) -> None:
    """Every expected key is in the result and equal to it (numbers to the fen)."""
    if isinstance(want, dict):
        for key, value in want.items():
            if not isinstance(got, dict) or key not in got:
                raise DataError(FILE, join(path, str(key)), value,
                                "an output the rule gives (the rule has no such output)")
            _compare(got[key], value, join(path, str(key)))
        return
    if _number(want):
        if not _number(got) or round(float(got), 2) != round(float(want), 2):
            raise DataError(FILE, path, want, f"{got!r}, as the rules compute it "
                            "(fix the hand-worked value or the input)")
        return
    if got != want:
        raise DataError(FILE, path, want, f"{got!r}, as the rules compute it")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
