"""Every public vector (tests/vectors/public.json, see its README), through the CLI
(pension.cli.main, as `python -m pension` runs it; tests/cli_run.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import output_lines

REPO = Path(__file__).resolve().parents[1]
VECTORS = REPO / "tests" / "vectors" / "public.json"
CASES = json.loads(VECTORS.read_text(encoding="utf-8"))


def cli(rule: str, data: dict) -> tuple[int, dict]:
    """The command line in this process (tests/cli_run.py): exactly one line of JSON."""
    code, lines = output_lines("calc", rule, "--input", json.dumps(data))
    assert len(lines) == 1, lines
    return code, json.loads(lines[0])


def _same(got: object, want: object) -> bool:
    if isinstance(want, dict):
        return isinstance(got, dict) and set(got) == set(want) and all(
            _same(got[k], v) for k, v in want.items())
    if isinstance(want, int | float) and not isinstance(want, bool):
        return isinstance(got, int | float) and abs(got - want) < 1e-9
    return got == want


@pytest.mark.parametrize("case", CASES,
                         ids=[f"{c['rule']} {json.dumps(c['input'])}" for c in CASES])
def test_public_vector(case: dict) -> None:
    code, out = cli(case["rule"], case["input"])
    if "error" in case["output"]:
        assert code == 2
        assert out["error"] == case["output"]["error"]
        assert out["message"]
    else:
        assert code == 0
        assert _same(out, case["output"]), out
