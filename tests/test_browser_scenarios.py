"""The scenario tables under a result, in a real browser at 390×844 in both languages: every
row of the pension estimate's tiers and retirement months, and every retirement option, shows
the figures pension.rules.run gives for the same inputs; the reader's own row says so in words;
the chart has one bar per row."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

import pytest

from pension.loader import load_parameters
from pension.rules import run

pytestmark = pytest.mark.browser
LANGS = ("", "/en")
PARAMS = load_parameters()


def expected_value(value, fmt: str) -> str:
    """What [data-value] holds for a rule's value in a column's format (scenarios.js)."""
    if value is None:
        return "none"
    if fmt in ("money", "money_month"):
        return f"{Decimal(value):.2f}"
    if fmt == "tenths":
        return f"{Decimal(value):.1f}"
    return str(value)


def shown_rows(page, table_id):
    return page.eval_on_selector_all(
        f'[data-scenarios="{table_id}"] tr[data-scenario]',
        """rows => rows.map(r => ({key: r.dataset.scenario, own: r.classList.contains('calc-own'),
            text: r.querySelector('th').innerText,
            values: Object.fromEntries([...r.querySelectorAll('[data-output]')].map(
                e => [e.dataset.output, e.dataset.value]))}))""")


def check_tables(page, calc, data, own_word):
    """Every scenario table of the calculator against the rule, row by row, figure by figure."""
    for table in calc["scenarios"]:
        result = run(PARAMS, table["rule"], {**data, **table.get("with", {})})
        want = result.outputs[table["rows"]]
        got = shown_rows(page, table["id"])
        assert [r["key"] for r in got] == [r["key"] for r in want], table["id"]
        for row, shown in zip(want, got, strict=True):
            assert shown["values"] == {c["name"]: expected_value(row[c["name"]], c["format"])
                                       for c in table["columns"]}, (table["id"], row["key"])
            assert shown["own"] == bool(row.get("own")), row["key"]
            assert (own_word in shown["text"]) == bool(row.get("own")), row["key"]
        if "chart" in table:
            bars = page.locator(f'[data-scenarios="{table["id"]}"] svg[role=img] rect')
            assert bars.count() == len(want)
            assert page.locator(f'[data-scenarios="{table["id"]}"] .calc-own-bar').count() == \
                sum(1 for r in want if r.get("own"))


def calculator(site_data, calc_id):
    return next(c for c in site_data.calculators if c["id"] == calc_id)


def words(site_data, lang):
    return {k: v["en" if lang else "zh"] for k, v in site_data.calc_ui.items()}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("data", [
    {"birth": "1980-01", "category": "male", "paid": "10", "tier": 60},
    {"birth": "1975-06", "category": "female55", "paid": "22.5", "tier": 150, "balance": "86000"},
    {"birth": "1966-01", "category": "male", "paid": "30", "tier": 100, "balance": "100000"},
])
def test_pension_estimate_scenarios_equal_the_rules(page, lang, data, site_data):
    page.goto(f"{page.base}{lang}/calculators/pension-estimate/?mode=guided&{urlencode(data)}")
    page.wait_for_selector(".calc-scenarios")
    check_tables(page, calculator(site_data, "pension-estimate"), data,
                 words(site_data, lang)["sc_own"])
    assert page.locator(".calc-scenarios").count() == 2
    text = page.locator(".calc-scenarios").all_inner_texts()
    assert not any(bad in t for t in text for bad in ("NaN", "undefined", "null"))


@pytest.mark.parametrize("lang", LANGS)
def test_direct_mode_has_no_scenarios(page, lang):
    page.goto(f"{page.base}{lang}/calculators/pension-estimate/?mode=direct&jifa_base=7688&index=1"
              "&years=30&deemed_years=0&account_balance=100000&payment_months=139")
    page.wait_for_selector("[data-output=total]")
    assert page.locator(".calc-scenarios").count() == 0


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("data", "marked"), [
    ({"birth": "1980-01", "category": "female50"}, [True, False, False]),
    ({"birth": "1966-01", "category": "male"}, [False, False, False]),
    ({"birth": "1960-05", "category": "female55"}, [False, False, False])])
def test_retirement_options_equal_the_rules(page, lang, data, marked, site_data):
    page.goto(f"{page.base}{lang}/calculators/retirement-age/?{urlencode(data)}")
    page.wait_for_selector('[data-scenarios="options"]')
    check_tables(page, calculator(site_data, "retirement-age"), data,
                 words(site_data, lang)["sc_own"])
    got = shown_rows(page, "options")
    assert [r["key"] for r in got] == ["option:earliest", "option:statutory", "option:latest"]
    # An earliest row in another year than the statutory one has a minimum we could not verify,
    # and says so.
    unverified = words(site_data, lang)["sc_unverified"]
    cells = page.locator('[data-scenarios="options"] tr[data-scenario] td:last-child').all_inner_texts()
    assert [unverified in c for c in cells] == marked, cells


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("data", "own_key"), [
    ({"year": 2025, "leave_month": 8, "base": 4311}, "tier:60"),
    ({"year": 2025, "leave_month": 8, "base": 5000}, "own")])
def test_job_leaver_tiers_equal_the_rules(page, lang, data, own_key, site_data):
    page.goto(f"{page.base}{lang}/calculators/job-leaver/?{urlencode(data)}")
    page.wait_for_selector('[data-scenarios="leave-tiers"]')
    check_tables(page, calculator(site_data, "job-leaver"), data, words(site_data, lang)["sc_own"])
    got = shown_rows(page, "leave-tiers")
    assert [r["key"] for r in got if r["own"]] == [own_key]
    assert len(got) == 5 + (own_key == "own")
    text = page.locator('[data-scenarios="leave-tiers"]').inner_text()
    assert not any(bad in text for bad in ("NaN", "undefined", "null"))
