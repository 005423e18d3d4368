"""The browser rules (docs/assets/js/calc/core.js, run by node through PensionCore.run) give
exactly the answers of the Python rules (pension.rules.run, the function the CLI calls): the same
outputs, extras, working steps and parameters, or the same error code with the same details, on
the public vectors, the worked examples and thousands of seeded random inputs.
parameters.json comes from to_browser_json, as in the build."""

from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest
from conftest import ROOT

from pension import PensionError, to_browser_json
from pension.loader import load_parameters, read_yaml
from pension.rules import RULES, STEPS, run
from pension.working import jsonable

VECTORS = ROOT / "tests" / "vectors" / "public.json"
EXAMPLES = ROOT / "data" / "examples.yml"
RUNNER = ROOT / "tests" / "js" / "run.mjs"
NODE = shutil.which("node") or "node"   # Debian nodejs, installed by `make system-deps`


@pytest.fixture(scope="module")
def params():
    return load_parameters()


@pytest.fixture(scope="module")
def params_json(params, tmp_path_factory):
    """As the build writes it: only the parameters data/calculators.yml lists, so a rule that
    reads one no calculator lists fails here."""
    used = {name for calc in read_yaml(ROOT / "data" / "calculators.yml")["calculators"]
            for name in calc["parameters"]}
    path = tmp_path_factory.mktemp("calc") / "parameters.json"
    path.write_text(json.dumps(to_browser_json(params, used), ensure_ascii=False), encoding="utf-8")
    return path


def _node(*args, stdin=""):
    done = subprocess.run([NODE, str(RUNNER), *args], input=stdin, capture_output=True,
                          text=True, timeout=300, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def browser_rules():
    """The browser's rule table: {rule: {field: [type, required]}}."""
    return _node("--rules")


def python_answer(params, rule, data):
    """What run.mjs prints, computed by the Python rules."""
    try:
        result = run(params, rule, data)
    except PensionError as exc:
        details = jsonable(exc.details)
        return {"error": exc.code, "field": details.get("field"), "details": details}
    # Only the steps the rule lists (a calculator page ships only their words).
    assert {step.name for step in result.steps} <= set(STEPS[rule]), (rule, data)
    return {"outputs": jsonable(result.outputs), "extras": jsonable(result.extras),
            "steps": [step.to_dict() for step in result.steps],
            "params": [[p.name, p.key, p.verified, p.disputed] for p in result.params]}


def node_answers(params_json, cases):
    return _node(str(params_json), stdin=json.dumps(cases))


def differences(params, cases, got):
    """The cases whose browser answer is not exactly the Python one: (case, python, browser)."""
    assert len(got) == len(cases)
    bad = []
    for case, js in zip(cases, got, strict=True):
        py = python_answer(params, case["rule"], case["input"])
        if js != py:
            bad.append((case, py, js))
    return bad


def compare(params, params_json, cases):
    bad = differences(params, cases, node_answers(params_json, cases))
    assert not bad, f"{len(bad)} differ, first: {bad[:3]}"


def test_one_rule_table(browser_rules):
    """core.js's table names the same rules and fields (type, required) as pension.rules.RULES,
    for every rule the browser has; the browser has the fifteen rules its calculators use."""
    assert len(browser_rules) == 15
    for rule, fields in browser_rules.items():
        assert rule in RULES, rule
        assert fields == {f: [kind, needed] for f, (kind, needed) in RULES[rule].fields.items()}


def test_public_vectors(params, params_json):
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    cases = [{"rule": v["rule"], "input": v["input"]} for v in vectors]
    got = node_answers(params_json, cases)
    for vector, js in zip(vectors, got, strict=True):
        shown = js.get("outputs", js)   # an error vector expects {"error": code}
        for key, value in vector["output"].items():
            assert shown[key] == value, (vector, js)
    compare(params, params_json, cases)


def test_worked_examples(params, params_json, browser_rules):
    examples = [e for e in read_yaml(EXAMPLES)["examples"] if e["rule"] in browser_rules]
    assert len(examples) >= 6
    compare(params, params_json, [{"rule": e["rule"], "input": e["input"]} for e in examples])


def test_a_changed_term_is_caught(params, params_json):
    """The comparison looks inside the working: one term changed by a fen is a difference."""
    cases = [{"rule": "flexible-contribution", "input": {"year": 2025, "base": 4311}}]
    got = node_answers(params_json, cases)
    assert not differences(params, cases, got)
    got[0]["steps"][3]["terms"][0]["value"] = 4311.01
    assert differences(params, cases, got)


def test_input_checks_match_python(params, params_json):
    """PensionCore.run checks the input object as pension.rules.run does: same code, same field."""
    cases = [{"rule": rule, "input": data} for rule, data in [
        ("no-such-rule", {}), ("tier-base", []), ("tier-base", {"year": 2025}),
        ("tier-base", {"year": 2025, "percent": 60, "zz": 1, "aa": 2}),
        ("tier-base", {"year": "2025", "percent": 60}), ("tier-base", {"year": 2025, "percent": 6.5}),
        ("tier-base", {"year": 2025, "percent": True}), ("tier-base", {"year": None, "percent": 60}),
        ("flexible-contribution", {"year": 2025, "base": "abc"}),
        ("flexible-contribution", {"year": 2025, "base": [1]}),
        ("flexible-contribution", {"year": 2025, "base": "-1e10"}),
        ("retirement-age", {"birth": 198001, "category": "male"}),
        ("retirement-age", {"birth": "1980-13", "category": "male"}),
        ("retirement-age", {"birth": "80-01", "category": "male"}),
        ("retirement-age", {"birth": "1980-01", "category": "child"}),
        ("flexible-year", {"year": 2025, "changes": {}}),
        ("flexible-year", {"year": 2025, "changes": []}),
        ("flexible-year", {"year": 2025, "changes": [{"from_month": 1}]}),
        ("flexible-year", {"year": 2025, "changes": [{"from_month": 13, "base": 5000}]}),
        ("flexible-year", {"year": 2025, "changes": [{"from_month": 5, "base": 5000},
                                                     {"from_month": 5, "base": 6000}]}),
        ("flexible-year", {"year": 2025, "changes": [{"from_month": 1, "base": 5000},
                                                     {"from_month": 7, "base": 99999}]}),
        ("account-projection", {"years": 5, "monthly_base": 5000}),
        ("account-projection", {"years": 61, "monthly_base": 5000, "interest_rate": 0.02}),
        ("account-projection", {"years": 5, "monthly_base": -1, "interest_rate": 0.02}),
        ("account-projection", {"years": 5, "monthly_base": 1, "start_balance": -1,
                                "interest_rate": 0.02}),
        ("account-projection", {"years": 5, "monthly_base": 1, "interest_rate": 1}),
        ("account-projection", {"years": 5, "monthly_base": 1, "rate_year": 1990}),
        ("payment-months", {"years": 50, "months": 12}),
        ("payment-months", {"years": 30, "months": 0}),
        ("employee-contribution", {"year": 2025, "wage": -1}),
        ("min-contribution", {"year": 1990}),
        ("flexible-plan", {"year": 2025}),
        ("flexible-plan", {"year": 2025, "base": 5000, "tier": 60}),
        ("flexible-plan", {"year": 2025, "tier": 301}),
        ("flexible-plan", {"year": 2025, "base": 5000, "changes": [
            {"from_month": 7, "base": 6000}, {"from_month": 3, "base": 99999}]}),
        ("flexible-plan", {"year": 2025, "base": 5000, "changes": [
            {"from_month": 7, "base": 6000}, {"from_month": 7, "base": 7000}]}),
        ("flexible-plan", {"year": 2025, "base": 5000, "changes": [{"from_month": 1, "base": 6000}]}),
        ("flexible-plan", {"year": 2025, "base": 5000, "changes": [{"base": 6000}]}),
        ("leave-mid-year", {"year": 2025, "leave_month": 13}),
        ("leave-mid-year", {"year": 2025, "leave_month": 8, "last_paid_month": 0}),
        ("leave-mid-year", {"year": 2025, "leave_month": 8, "tier": 40}),
    ]]
    compare(params, params_json, cases)
    got = node_answers(params_json, cases)
    assert [(a.get("error"), a.get("field")) for a in got] == [
        ("unknown_rule", None), ("bad_input", None), ("missing_field", "percent"),
        ("unknown_field", "aa"), ("bad_type", "year"), ("bad_type", "percent"),
        ("bad_type", "percent"), ("missing_field", "year"), ("bad_type", "base"),
        ("bad_type", "base"), ("too_large", "base"), ("bad_type", "birth"),
        ("bad_month", "birth"), ("bad_month", "birth"), ("bad_category", "category"),
        ("bad_type", "changes"), ("missing_field", "changes"), ("missing_field", "changes"),
        ("bad_month", "changes"), ("bad_month", "changes"), ("base_out_of_range", "changes"),
        ("missing_field", "interest_rate"), ("bad_value", "years"),
        ("bad_value", "monthly_base"), ("bad_value", "start_balance"),
        ("bad_value", "interest_rate"), ("year_out_of_range", "rate_year"),
        ("bad_month", "months"), ("age_out_of_range", "years"), ("bad_value", "wage"),
        ("year_out_of_range", "year"), ("missing_field", "base"), ("bad_input", "tier"),
        ("tier_out_of_range", "tier"), ("base_out_of_range", "changes"),
        ("bad_month", "changes"), ("bad_month", "changes"), ("missing_field", "changes"),
        ("bad_month", "leave_month"), ("bad_month", "last_paid_month"),
        ("tier_out_of_range", "tier")]
    # A refused change is named by its place in the list as given (the reader's rows).
    assert [a["details"].get("change") for a in got[-7:-3]] == [1, 1, 0, 0]


def test_each_year_is_checked_against_its_own_values(params, params_json):
    """A refused tier or base carries that year's range and limits, so a page can word the
    message without checks of its own."""
    years = sorted(int(y) for y in params.spec("contribution_base_limits")["values"])
    cases = [{"rule": rule, "input": data} for year in years for rule, data in [
        ("tier-base", {"year": year, "percent": 301}), ("tier-base", {"year": year, "percent": 59}),
        ("flexible-contribution", {"year": year, "base": 1}),
        ("flexible-contribution", {"year": year, "base": 10 ** 8})]]
    compare(params, params_json, cases)
    for case, answer in zip(cases, node_answers(params_json, cases), strict=True):
        year = case["input"]["year"]
        if answer.get("error") == "tier_out_of_range":
            tiers = params.get("tier_range", f"{year}-01-01").value
            assert answer["details"] == {"min": tiers["min"], "max": tiers["max"], "year": year,
                                         "field": "percent"}
        else:
            limits = params.get("contribution_base_limits", year).value
            assert answer["error"] == "base_out_of_range", answer
            assert answer["details"] == {"lower": limits["lower"], "upper": limits["upper"],
                                         "year": year, "field": "base"}


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
                       "guided-estimate", "flexible-plan", "leave-mid-year"])
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
    if rule in ("flexible-plan", "leave-mid-year"):
        data = {"year": rng.randint(2022, 2027)}
        pick = rng.random()
        if pick < 0.45:
            data["base"] = _money(rng, 3800, 23000)
        elif pick < 0.9:
            data["tier"] = rng.randint(50, 310)
        elif pick < 0.95:
            data.update(base=5000, tier=60)
        if rule == "leave-mid-year":
            data["leave_month"] = rng.randint(0, 13)
            if rng.random() < 0.5:
                data["last_paid_month"] = rng.randint(0, 13)
        elif rng.random() < 0.6:
            data["changes"] = [{"from_month": rng.randint(1, 13), "base": _money(rng, 4300, 21000)}
                               for _ in range(rng.randint(0, 4))]
        return rule, data
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
    assert len(rules) == 12


def _scenario_case(rng):
    """A guided-scenarios or retirement-options case, or a guided estimate at a chosen month."""
    birth = f"{rng.randint(1955, 2010)}-{rng.randint(1, 12):02d}"
    cat = rng.choice(["male", "female55", "female50"])
    rule = rng.choice(["guided-scenarios", "retirement-options", "guided-estimate"])
    if rule == "retirement-options":
        return rule, {"birth": f"{rng.randint(1895, 2105):04d}-{rng.randint(0, 13):02d}",
                      "category": rng.choice([cat, "other"])}
    data = {"birth": birth, "category": cat, "paid": _money(rng, 0, 30, 1),
            "tier": rng.randint(55, 305), "balance": _money(rng, 0, 200000)}
    if rule == "guided-estimate":
        year, month = rng.randint(2020, 2080), rng.randint(1, 12)
        return rule, {**data, "retire": f"{year}-{month:02d}"}
    tiers = rng.sample(range(50, 310, 10), rng.randint(0, 6))
    if rng.random() < 0.1:
        tiers.append(rng.choice(["100", True, 1.5]))
    return rule, {**data, "tiers": tiers}


def test_random_scenarios_match_python(params, params_json):
    """The scenario rules and the guided estimate at a chosen month, on random inputs: the same
    rows (every figure), extras, steps and parameters, or the same refusal."""
    rng = random.Random(20261202)
    cases = [dict(zip(("rule", "input"), _scenario_case(rng), strict=True)) for _ in range(400)]
    compare(params, params_json, cases)
    answers = [python_answer(params, c["rule"], c["input"]) for c in cases]
    done = {c["rule"] for c, a in zip(cases, answers, strict=True) if "outputs" in a}
    assert done == {"guided-scenarios", "retirement-options", "guided-estimate"}
    assert any(a.get("error") == "retire_out_of_window" for a in answers)
    assert any(a.get("error") == "tier_out_of_range" and a["field"] == "tiers" for a in answers)



def _leave_tiers_case(rng):
    """A job leaver's tier table: a base in yuan or a tier (or neither), any months, any tiers."""
    data = {"year": rng.randint(2022, 2027), "leave_month": rng.randint(0, 13),
            "tiers": rng.sample(range(50, 310, 10), rng.randint(0, 6))}
    pick = rng.random()
    if pick < 0.45:
        data["base"] = rng.choice([4311, 7185, _money(rng, 3800, 23000)])
    elif pick < 0.9:
        data["tier"] = rng.randint(55, 305)
    if rng.random() < 0.4:
        data["last_paid_month"] = rng.randint(0, 13)
    if rng.random() < 0.1:
        data["tiers"].append(rng.choice(["100", True, 1.5]))
    return "leave-mid-year-tiers", data


def test_random_leave_tiers_match_python(params, params_json):
    """The job leaver's tier rows on random inputs: the same rows (every figure), extras, steps
    and parameters, or the same refusal; the reader's own row marked in some, a row of its own
    for a typed base in others."""
    rng = random.Random(20261203)
    cases = [dict(zip(("rule", "input"), _leave_tiers_case(rng), strict=True)) for _ in range(600)]
    compare(params, params_json, cases)
    answers = [python_answer(params, c["rule"], c["input"]) for c in cases]
    keys = [[r["key"] for r in a["outputs"]["tiers"] if r["own"]] for a in answers if "outputs" in a]
    assert any(k and k[0].startswith("tier:") for k in keys)
    assert ["own"] in keys
    assert any(a.get("error") == "tier_out_of_range" and a["field"] == "tiers" for a in answers)

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
    ("pension-estimate", {"jifa_base": 7688, "index": 1, "years": 10, "deemed_years": 11,
                          "account_balance": 0, "payment_months": 139}),
    ("pension-estimate", {"jifa_base": 0, "index": 1, "years": 30, "deemed_years": 0,
                          "account_balance": 0, "payment_months": 139}),
    ("pension-estimate", {"jifa_base": 7688, "index": 1, "years": 30, "deemed_years": 0,
                          "account_balance": 0, "payment_months": 0}),
    ("guided-estimate", {"birth": "1980-01", "category": "male", "paid": 10, "tier": 50}),
]


def test_edges_are_refused_alike(params, params_json):
    cases = [{"rule": rule, "input": data} for rule, data in EDGES]
    compare(params, params_json, cases)
    errors = [python_answer(params, c["rule"], c["input"]).get("error") for c in cases]
    assert errors == ["too_large", "too_large", None, "too_small", "too_large", "too_large",
                      "too_far", "paid_over_age", None, "already_retired",
                      "year_out_of_range", None, None, "bad_value", "bad_value", "bad_value",
                      "tier_out_of_range"]
