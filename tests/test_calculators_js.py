"""The browser rules (docs/assets/js/calc/core.js, run by node) give exactly the answers of the
Python rules (pension.rules.run, the function the CLI calls) on the public vectors and on
thousands of seeded random inputs. parameters.json comes from to_browser_json, as in the build."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest
from conftest import ROOT

from pension import PensionError, to_browser_json
from pension.loader import load_parameters
from pension.rules import run
from pension.working import jsonable

VECTORS = ROOT / "tests" / "vectors" / "public.json"
RUNNER = ROOT / "tests" / "js" / "run.mjs"
EXTRAS = {"retirement-age": ["original_age", "flexible", "min_contribution_months",
                             "min_contribution_year"],
          "min-contribution": ["years"]}
NODE = shutil.which("node") or "node"   # Debian nodejs, installed by `make system-deps`


@pytest.fixture(scope="module")
def params():
    return load_parameters()


@pytest.fixture(scope="module")
def params_json(params, tmp_path_factory):
    path = tmp_path_factory.mktemp("calc") / "parameters.json"
    path.write_text(json.dumps(to_browser_json(params), ensure_ascii=False), encoding="utf-8")
    return path


def python_answer(params, rule, data):
    try:
        result = run(params, rule, data)
    except PensionError as exc:
        return {"error": exc.code}
    out = jsonable(result.outputs)
    extras = jsonable(result.extras)
    for key in EXTRAS.get(rule, []):
        out[key] = extras[key]
    out["params"] = [[p.name, p.key, p.verified, p.disputed] for p in result.params]
    return out


def node_answers(params_json, cases):
    done = subprocess.run([NODE, str(RUNNER), str(params_json)], input=json.dumps(cases),
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def compare(params, params_json, cases):
    got = node_answers(params_json, cases)
    assert len(got) == len(cases)
    bad = []
    for case, js in zip(cases, got, strict=True):
        py = python_answer(params, case["rule"], case["input"])
        if js != py:
            bad.append((case, py, js))
    assert not bad, f"{len(bad)} differ, first: {bad[:3]}"


def test_public_vectors(params, params_json):
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    cases = [{"rule": v["rule"], "input": v["input"]} for v in vectors]
    got = node_answers(params_json, cases)
    for vector, js in zip(vectors, got, strict=True):
        for key, value in vector["output"].items():
            assert js[key] == value, (vector, js)
    compare(params, params_json, cases)


def test_bounds_match_python(params, params_json):
    """The rules' own input bounds (pension.money.LARGEST_INPUT, projection.MAX_YEARS), read by
    the browser from parameters.json: both refuse the same inputs with the same code."""
    direct = {"jifa_base": 7688, "index": 1, "years": 30, "deemed_years": 0,
              "account_balance": 100000, "payment_months": 139}
    cases = [{"rule": "pension-estimate", "input": {**direct, key: value}}
             for key in direct for value in ("1e30", "1000000000", "1000000000.01")]
    guided = {"birth": "1980-01", "category": "male", "paid": 10, "tier": 60}
    cases += [{"rule": "guided-estimate", "input": {**guided, **extra}} for extra in (
        {"birth": "2100-01"}, {"birth": "2030-01"}, {"birth": "2026-01"}, {"paid": "1e30"},
        {"balance": "1000000000.5"}, {"balance": -1}, {"paid": -1}, {"birth": "1950-01", "paid": -1})]
    got = node_answers(params_json, cases)
    codes = [answer.get("error") for answer in got]
    assert codes.count("too_large") == 14 and "too_far" in codes, codes
    compare(params, params_json, cases)


def _money(rng, low, high, decimals=2):
    value = rng.uniform(low, high)
    places = rng.choice(range(decimals + 1))
    return round(value, places) if places else int(value)


def _case(rng):
    rule = rng.choice(["retirement-age", "min-contribution", "payment-months",
                       "flexible-contribution", "tier-base", "flexible-year",
                       "employee-contribution", "pension-estimate", "account-projection",
                       "guided-estimate"])
    cat = rng.choice(["male", "female55", "female50", "male", "female55", "female50", "other"])
    if rule == "retirement-age":
        month = rng.choice([*range(1, 13)] * 5 + [0, 13])
        return rule, {"birth": f"{rng.randint(1895, 2105):04d}-{month:02d}", "category": cat}
    if rule == "min-contribution":
        return rule, {"year": rng.randint(2000, 2070)}
    if rule == "payment-months":
        return rule, {"years": rng.randint(37, 72), "months": rng.randint(-1, 12)}
    if rule == "flexible-contribution":
        return rule, {"year": rng.randint(2022, 2027), "base": _money(rng, 3800, 23000)}
    if rule == "tier-base":
        return rule, {"year": rng.randint(2022, 2027), "percent": rng.randint(50, 310)}
    if rule == "flexible-year":
        months = sorted(rng.sample(range(1, 13), rng.randint(1, 4)))
        return rule, {"year": rng.randint(2023, 2026),
                      "changes": [{"from_month": m, "base": _money(rng, 4300, 21000)}
                                  for m in months]}
    if rule == "employee-contribution":
        return rule, {"year": rng.randint(2022, 2027), "wage": _money(rng, -10, 40000)}
    if rule == "pension-estimate":
        years = _money(rng, 0, 45, 1)
        return rule, {"jifa_base": _money(rng, 4000, 9000, 0), "index": _money(rng, 0, 3, 4),
                      "years": years, "deemed_years": _money(rng, 0, 20, 1),
                      "account_balance": _money(rng, 0, 600000),
                      "payment_months": _money(rng, 50, 240, 1)}
    if rule == "account-projection":
        data = {"years": rng.randint(0, 62), "monthly_base": _money(rng, 0, 22000),
                "start_balance": _money(rng, 0, 300000)}
        if rng.random() < 0.5:
            data["interest_rate"] = _money(rng, 0, 0.09, 4)
        else:
            data["rate_year"] = rng.randint(2014, 2027)
        return rule, data
    return rule, {"birth": f"{rng.randint(1950, 2100)}-{rng.randint(1, 12):02d}",
                  "category": cat if cat != "other" else "male",
                  "paid": _money(rng, 0, 60, 1), "tier": rng.randint(60, 300),
                  "balance": _money(rng, 0, 200000)}


def test_random_inputs_match_python(params, params_json):
    rng = random.Random(20250913)
    cases = [dict(zip(("rule", "input"), _case(rng), strict=True)) for _ in range(3000)]
    compare(params, params_json, cases)
    rules = {c["rule"] for c in cases}
    assert len(rules) == 10


# Each refusal the rules make at their edges, in both twins (the same error code).
EDGES = [
    ("pension-estimate", {"jifa_base": "1e30", "index": 1, "years": 30, "deemed_years": 0,
                          "account_balance": 0, "payment_months": 139}),
    ("pension-estimate", {"jifa_base": "-1e30", "index": 1, "years": 30, "deemed_years": 0,
                          "account_balance": 0, "payment_months": 139}),
    ("pension-estimate", {"jifa_base": 7688, "index": 1, "years": 61, "deemed_years": 0,
                          "account_balance": 0, "payment_months": 139}),
    ("pension-estimate", {"jifa_base": 7688, "index": 1, "years": 30, "deemed_years": 0,
                          "account_balance": 1000, "payment_months": "0.5"}),
    ("flexible-contribution", {"year": 2025, "base": "1e12"}),
    ("employee-contribution", {"year": 2025, "wage": "1e12"}),
    ("guided-estimate", {"birth": "2100-01", "category": "male", "paid": 10, "tier": 60}),
    ("guided-estimate", {"birth": "1980-01", "category": "male", "paid": 137, "tier": 60}),
    ("guided-estimate", {"birth": "1980-01", "category": "male", "paid": 46, "tier": 60}),
    ("guided-estimate", {"birth": "1950-01", "category": "male", "paid": 10, "tier": 60}),
    ("min-contribution", {"year": 2005}),
    ("min-contribution", {"year": 2020}),
    ("retirement-age", {"birth": "1960-01", "category": "male"}),
]


def test_edges_are_refused_alike(params, params_json):
    cases = [{"rule": rule, "input": data} for rule, data in EDGES]
    compare(params, params_json, cases)
    errors = [python_answer(params, c["rule"], c["input"]).get("error") for c in cases]
    assert errors == ["too_large", "too_large", None, "too_small", "too_large", "too_large",
                      "too_far", "paid_over_age", None, "already_retired",
                      "year_out_of_range", None, None]
