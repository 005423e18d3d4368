"""The scenarios under a guided estimate (pension.scenarios) and every retirement option at a
glance (pension.retirement_options), with figures worked by hand from the other rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pension.errors import PensionError
from pension.guided import guided_estimate
from pension.loader import load_parameters
from pension.rules import run

PARAMS = load_parameters()
D = Decimal
MAN_1980 = {"birth": "1980-01", "category": "male", "paid": 10, "tier": 60}
TIERS = [60, 100, 150, 200, 300]


def _rows(result, table):
    return {row["key"]: row for row in result.outputs[table]}


def test_tier_rows_by_hand() -> None:
    # Own case (test_rules_estimate): 60% tier, base 4,354, retires 2043-01, 2,413.75 a month,
    # 17 years paid from 2026. The 100% tier base is 87,088 ÷ 12 = 7,257.33 → 7,257; as a
    # flexible worker pays 20%: 1,451.40 a month against 870.80, so
    # extra = (1,451.40 − 870.80) × 12 × 17 = 118,442.40. Its pension: 3,303.07 (+889.32);
    # 118,442.40 ÷ 889.32 = 133.2 → 134 months to get it back.
    result = run(PARAMS, "guided-scenarios", {**MAN_1980, "tiers": TIERS})
    rows = _rows(result, "tiers")
    assert list(rows) == [f"tier:{t}" for t in TIERS]
    own = rows["tier:60"]
    assert own["own"] and own["total"] == D("2413.75") and own["extra_paid"] == 0
    assert own["payback_months"] is None
    hundred = rows["tier:100"]
    assert not hundred["own"]
    assert hundred["total"] == D("3303.07") and hundred["gain"] == D("889.32")
    assert hundred["extra_paid"] == D("118442.40") and hundred["forgone"] == 0
    assert hundred["payback_months"] == 134
    assert result.extras["monthly_contribution"] == D("870.80")
    assert result.extras["flexible_rate"] == D("0.2")


def test_retirement_month_rows_by_hand() -> None:
    # Window 2040-01 (60) … 2046-01 (66), statutory 2043-01: seven yearly rows.
    # 2044-01: one more year paid, 870.80 × 12 = 10,449.60; 12 months of 2,413.75 not
    # received = 28,965.00; 28 years: basic 7,999 × 1.6 ÷ 2 × 28 × 1% = 1,791.78; balance
    # 80,258.61 × 1.015 + 4,179.84 = 85,642.33 ÷ 109 (age 64) = 785.71; total 2,577.49,
    # gain 163.74; (10,449.60 + 28,965.00) ÷ 163.74 = 240.7 → 241 months.
    result = run(PARAMS, "guided-scenarios", {**MAN_1980, "tiers": TIERS})
    rows = _rows(result, "retire_months")
    assert list(rows) == [f"retire:{y}-01" for y in range(2040, 2047)]
    assert [k for k, r in rows.items() if r["own"]] == ["retire:2043-01"]
    later = rows["retire:2044-01"]
    assert later["age"] == {"years": 64, "months": 0}
    assert later["basic"] == D("1791.78") and later["personal_account"] == D("785.71")
    assert later["total"] == D("2577.49") and later["gain"] == D("163.74")
    assert later["extra_paid"] == D("10449.60") and later["forgone"] == D("28965.00")
    assert later["payback_months"] == 241
    # Retiring earlier: less paid in, less each month, nothing to get back.
    earlier = rows["retire:2040-01"]
    assert earlier["extra_paid"] == D("-31348.80") and earlier["forgone"] == 0
    assert earlier["gain"] < 0 and earlier["payback_months"] is None


def test_a_short_window_steps_from_the_earliest_and_keeps_statutory_and_latest() -> None:
    # Man born 1966-01: statutory 60y4m (2026-05), earliest 60y (2026-01), latest 2029-05.
    # Rows: yearly from 2026-01, plus the statutory and the latest month. 2026-01 is in the same
    # year as the own case: no year more or less paid, a shorter 计发月数 spread: 139 vs 136.7.
    data = {"birth": "1966-01", "category": "male", "paid": 30, "tier": 100, "balance": 100000,
            "tiers": [300, 60, 60]}
    result = run(PARAMS, "guided-scenarios", data)
    assert list(_rows(result, "tiers")) == ["tier:60", "tier:100", "tier:300"]
    rows = _rows(result, "retire_months")
    assert list(rows) == ["retire:2026-01", "retire:2026-05", "retire:2027-01", "retire:2028-01",
                          "retire:2029-01", "retire:2029-05"]
    same_year = rows["retire:2026-01"]
    assert same_year["extra_paid"] == 0 and same_year["payback_months"] is None
    own = guided_estimate(PARAMS, "1966-01", "male", 30, 100, 100000)
    assert same_year["personal_account"] == (own.outputs["balance"] / D(139)).quantize(D("0.01"))


def test_months_before_the_latest_year_with_figures_have_no_row() -> None:
    # Man born 1965-06: statutory 60y2m → 2025-08, before 2026: the own case is refused, as
    # the guided estimate refuses it. Born 1965-11: 10 months after 1965-01, one month per 4 →
    # 3 months later: 60y3m → 2026-02; earliest 60y → 2025-11 (no row: its year is before
    # 2026), then 2026-11, 2027-11, 2028-11, and the latest 2029-02.
    with pytest.raises(PensionError) as err:
        run(PARAMS, "guided-scenarios", {"birth": "1965-06", "category": "male", "paid": 30,
                                         "tier": 60, "tiers": TIERS})
    assert err.value.code == "already_retired"
    result = run(PARAMS, "guided-scenarios", {"birth": "1965-11", "category": "male", "paid": 30,
                                              "tier": 60, "tiers": TIERS})
    assert [r["retire"] for r in result.outputs["retire_months"]] == [
        "2026-02", "2026-11", "2027-11", "2028-11", "2029-02"]


@pytest.mark.parametrize(("tiers", "code"), [([], "bad_value"), ([60, "100"], "bad_type"),
                                             ([60, True], "bad_type"), ([59], "tier_out_of_range"),
                                             ("60", "bad_type")])
def test_bad_tier_lists_are_refused_naming_tiers(tiers, code) -> None:
    with pytest.raises(PensionError) as err:
        run(PARAMS, "guided-scenarios", {**MAN_1980, "tiers": tiers})
    assert (err.value.code, err.value.details["field"]) == (code, "tiers")


def test_a_retirement_month_outside_the_window_is_refused() -> None:
    for month in ("2039-12", "2046-02"):
        with pytest.raises(PensionError) as err:
            run(PARAMS, "guided-estimate", {**MAN_1980, "retire": month})
        assert err.value.code == "retire_out_of_window"
        assert err.value.details == {"field": "retire", "earliest": "2040-01", "latest": "2046-01"}
    inside = run(PARAMS, "guided-estimate", {**MAN_1980, "retire": "2043-01"})
    assert inside.to_dict(True) == run(PARAMS, "guided-estimate", MAN_1980).to_dict(True)


def test_retirement_options_by_hand() -> None:
    # Woman (50 group) born 1980-01: 60 months after 1975-01, one month per 2 → 31 months
    # later: 52y7m → 2032-08. Earliest: 50y (not below the original age) → 2030-01; latest
    # 55y7m → 2035-08. 计发月数: 195 at 50; 185 − (185 − 180) × 7 ÷ 12 = 182.08 → 182.1;
    # 170 − (170 − 164) × 7 ÷ 12 = 166.5. Minimum: 2032 → 198 months (16y6m) for the statutory
    # and latest rows; the earliest row takes its own year, 2030 → 186 (15y6m), not verified.
    rows = run(PARAMS, "retirement-options", {"birth": "1980-01", "category": "female50"}).outputs
    assert rows["options"] == [
        {"key": "option:earliest", "option": "earliest", "retire": "2030-01", "age": {"years": 50, "months": 0},
         "payment_months": D("195.0"), "min_contribution_months": 186,
         "min_contribution_year": 2030, "min_verified": False},
        {"key": "option:statutory", "option": "statutory", "retire": "2032-08", "age": {"years": 52, "months": 7},
         "payment_months": D("182.1"), "min_contribution_months": 198,
         "min_contribution_year": 2032, "min_verified": True},
        {"key": "option:latest", "option": "latest", "retire": "2035-08", "age": {"years": 55, "months": 7},
         "payment_months": D("166.5"), "min_contribution_months": 198,
         "min_contribution_year": 2032, "min_verified": True}]


def test_retirement_options_without_a_minimum_for_that_year() -> None:
    # Born 1940-01 (man): retires 2000-01, before the minimum table's first year (2006).
    rows = run(PARAMS, "retirement-options", {"birth": "1940-01", "category": "male"})
    assert [r["min_contribution_months"] for r in rows.outputs["options"]] == [None, None, None]
    assert [r["retire"] for r in rows.outputs["options"]] == ["2000-01", "2000-01", "2003-01"]


def test_an_early_month_in_the_statutory_year_takes_that_years_minimum_without_doubt() -> None:
    # Man born 1966-01: earliest 2026-01, statutory 2026-05: the same year, the same minimum.
    rows = run(PARAMS, "retirement-options", {"birth": "1966-01", "category": "male"})
    assert [(r["min_contribution_year"], r["min_verified"]) for r in rows.outputs["options"]] == \
        [(2026, True), (2026, True), (2026, True)]
