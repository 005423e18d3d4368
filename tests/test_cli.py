"""CLI errors: every refused input prints one JSON line with a code and exits 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import run

REPO = Path(__file__).resolve().parents[1]


def test_the_program_is_the_function_the_tests_call():
    # Every other test calls pension.cli.main() in this process (tests/cli_run.py); the program
    # a reader runs gives the same line, exit code and empty stderr.
    for args in (("calc", "min-contribution", "--input", '{"year": 2030}'),
                 ("calc", "min-contribution", "--input", '{"year": "2030"}')):
        proc = subprocess.run([sys.executable, "-m", "pension", *args], capture_output=True,
                              text=True, cwd=REPO, check=False)
        assert proc.stderr == ""
        assert len(proc.stdout.splitlines()) == 1
        assert (proc.returncode, json.loads(proc.stdout)) == run(*args)[:2]


@pytest.mark.parametrize(("args", "code"), [
    pytest.param(("calc", "no-such-rule", "--input", "{}"), "unknown_rule", id="unknown rule"),
    pytest.param(("calc", "min-contribution", "--input", "{year: 2030"), "bad_json",
                 id="bad JSON"),
    pytest.param(("calc", "min-contribution", "--input", "[2030]"), "bad_input",
                 id="JSON that is not an object"),
    pytest.param(("calc", "retirement-age", "--input", '{"birth": "1970-01"}'),
                 "missing_field", id="missing field"),
    pytest.param(("calc", "min-contribution", "--input", '{"year": "2030"}'), "bad_type",
                 id="year as a string"),
    pytest.param(("calc", "flexible-contribution", "--input", '{"year": 2025, "base": true}'),
                 "bad_type", id="base as a boolean"),
    pytest.param(("calc", "flexible-contribution", "--input", '{"year": 2025, "base": "abc"}'),
                 "bad_type", id="base that is not a number"),
    pytest.param(("calc", "retirement-age", "--input",
                  '{"birth": "1970-13", "category": "male"}'), "bad_month",
                 id="impossible month 13"),
    pytest.param(("calc", "retirement-age", "--input",
                  '{"birth": "1970-00", "category": "male"}'), "bad_month",
                 id="impossible month 00"),
    pytest.param(("calc", "retirement-age", "--input",
                  '{"birth": "1970-01", "category": "female60"}'), "bad_category",
                 id="unknown category"),
    pytest.param(("calc", "flexible-contribution", "--input", '{"year": 2031, "base": 5000}'),
                 "year_out_of_range", id="contribution year after the known limits"),
    pytest.param(("calc", "flexible-contribution", "--input", '{"year": 2022, "base": 5000}'),
                 "year_out_of_range", id="contribution year before the known limits"),
    pytest.param(("calc", "min-contribution", "--input", '{"year": 2005}'),
                 "year_out_of_range", id="minimum years before 2006, the first year covered"),
    pytest.param(("calc", "payment-months", "--input", '{"years": 39, "months": 0}'),
                 "age_out_of_range", id="age below the payment-months table"),
    pytest.param(("calc", "payment-months", "--input", '{"years": 70, "months": 1}'),
                 "age_out_of_range", id="age above the payment-months table"),
    pytest.param(("calc", "payment-months", "--input", '{"years": 60, "months": 12}'),
                 "bad_month", id="12 months"),
    pytest.param(("calc", "flexible-contribution", "--input",
                  '{"year": 2025, "base": 4311, "extra": 1}'), "unknown_field",
                 id="unknown field"),
    pytest.param(("calc", "min-contribution"), "bad_arguments", id="no --input"),
    pytest.param((), "bad_arguments", id="no command"),
])
def test_refused_input_exits_2_with_json(args: tuple[str, ...], code: str) -> None:
    status, out, stderr = run(*args)
    assert status == 2
    assert out["error"] == code
    assert isinstance(out["message"], str) and out["message"]
    assert "Traceback" not in stderr


def test_base_out_of_range_gives_the_limits() -> None:
    status, out, _ = run("calc", "flexible-contribution", "--input",
                         '{"year": 2026, "base": 21773}')
    assert status == 2
    assert (out["error"], out["lower"], out["upper"]) == ("base_out_of_range", 4354, 21772)


def test_working_lists_parameters_with_flags() -> None:
    status, out, _ = run("calc", "flexible-contribution", "--input",
                         '{"year": 2025, "base": 4311}', "--working")
    assert status == 0
    used = {p["name"]: p for p in out["working"]["parameters"]}
    assert used["contribution_base_limits"]["verified"] is False
    assert used["contribution_base_limits"]["source"] == "anhui-base-limits-2025"
    assert used["flexible_rate"]["verified"] is False  # no official page has been opened yet (About page)
    assert out["working"]["steps"][0]["result"] == {"value": 862.2, "kind": "money"}


@pytest.mark.parametrize(("rule", "data", "key", "value"), [
    ("employee-contribution", {"year": 2025, "wage": 3000}, "employer", 689.76),
    ("flexible-year", {"year": 2025, "changes": [{"from_month": 1, "base": 4311},
                                                {"from_month": 7, "base": 7185}]},
     "total", 13795.2),
    ("leave-mid-year", {"year": 2025, "leave_month": 8, "base": 4311}, "pay_by", "2026-06-30"),
    ("personal-pension", {"year": 2025, "contribution": 15000, "marginal_rate": 0.1},
     "tax_saving", 1200.0),
    ("annuity-check", {"year": 2025, "payroll": 2000000, "employer_rate": 0.01,
                       "employee_rate": 0.01}, "total_ok", True),
    ("hardship-subsidy", {"year": 2025, "base": 4311}, "subsidy_max", 6897.6),
    ("tier-base", {"year": 2026, "percent": 60}, "base", 4354),
    ("account-projection", {"years": 1, "monthly_base": 5000, "interest_rate": 0.015,
                            "start_balance": 120000}, "balance", 126600.0),
])
def test_extra_rules_answer(rule: str, data: dict, key: str, value: object) -> None:
    status, out, _ = run("calc", rule, "--input", json.dumps(data))
    assert status == 0
    assert out[key] == value


def test_rules_command_lists_every_rule() -> None:
    status, out, _ = run("rules")
    assert status == 0
    assert {"retirement-age", "min-contribution", "payment-months", "flexible-contribution",
            "pension-estimate", "employee-contribution", "flexible-year", "leave-mid-year",
            "personal-pension", "annuity-check"} <= set(out)


@pytest.mark.parametrize(("rule", "data", "field", "words"), [
    pytest.param("pension-estimate", {"jifa_base": "1e30", "index": 1, "years": 30, "deemed_years": 0,
                                      "account_balance": 0, "payment_months": 139},
                 "jifa_base", "too large", id="huge calculation base"),
    pytest.param("annuity-check", {"year": 2025, "payroll": 1e30, "employer_rate": 0.01,
                                   "employee_rate": 0.01}, "payroll", "too large", id="huge payroll"),
    pytest.param("pension-estimate", {"jifa_base": 7688, "index": 1, "years": 30, "deemed_years": 0,
                                      "account_balance": 1e8, "payment_months": 1e-20},
                 "payment_months", "at least 1", id="tiny payment months"),
    pytest.param("guided-estimate", {"birth": "2100-01", "category": "male", "paid": 10, "tier": 60},
                 "birth", "2100-01", id="birth too far ahead"),
    pytest.param("guided-estimate", {"birth": "1980-01", "category": "male", "paid": 137, "tier": 60},
                 "paid", "137", id="more years paid than the person's age"),
    pytest.param("guided-estimate", {"birth": "1950-01", "category": "male", "paid": 10, "tier": 60},
                 "birth", "1950-01", id="already retired"),
    pytest.param("flexible-contribution", {"year": 2031, "base": 5000}, "year", "2031",
                 id="contribution year after the published limits"),
    pytest.param("account-projection", {"years": 5, "monthly_base": 5000, "rate_year": 2031},
                 "rate_year", "2031", id="interest-rate year after the published rates"),
    pytest.param("min-contribution", {"year": 2005}, "year", "2005", id="minimum years before 2006"),
])
def test_every_refusal_names_the_input_field_and_its_value(rule, data, field, words) -> None:
    status, out, stderr = run("calc", rule, "--input", json.dumps(data))
    assert status == 2 and stderr == ""
    assert out["field"] == field
    assert out["message"].startswith(field) and words in out["message"], out["message"]
    assert "decimal" not in out["message"].lower() and "<class" not in out["message"]


@pytest.mark.parametrize("year", [2006, 2015, 2024])
def test_minimum_years_before_the_reform_is_the_old_15_year_rule_with_its_source(year) -> None:
    status, out, _ = run("calc", "min-contribution", "--input", json.dumps({"year": year}),
                         "--working")
    assert status == 0 and out["months"] == 180
    assert out["working"]["parameters"][0]["source"] == "state-council-2005-38"


def test_minimum_years_from_2025_still_come_from_the_reform_table() -> None:
    status, out, _ = run("calc", "min-contribution", "--input", '{"year": 2032}', "--working")
    assert (status, out["months"]) == (0, 198)
    assert out["working"]["parameters"][0]["source"] == "retirement-measures-2024"
