"""Contributions: limits ±1 yuan, tiers, base changes, leaving mid-year, employees, subsidy."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pension.contributions import (
    employee_contribution,
    flexible_contribution,
    flexible_year,
    tier_base,
)
from pension.errors import PensionError
from pension.leave_mid_year import leave_mid_year
from pension.loader import load_parameters
from pension.rules import run
from pension.subsidy import hardship_subsidy

PARAMS = load_parameters()
LIMITS = {2023: (4019, 20094), 2024: (4227, 21133), 2025: (4311, 21556), 2026: (4354, 21772)}
D = Decimal


@pytest.mark.parametrize("year", LIMITS)
def test_limits_themselves_are_accepted(year: int) -> None:
    lower, upper = LIMITS[year]
    assert flexible_contribution(PARAMS, year, lower).outputs["monthly"] == D(lower) * D("0.2")
    assert flexible_contribution(PARAMS, year, upper).outputs["monthly"] == D(upper) * D("0.2")


@pytest.mark.parametrize(("year", "base"), [
    pytest.param(y, b, id=f"{y} base {b} ({which})")
    for y, (lo, hi) in LIMITS.items() for b, which in ((lo - 1, "1 yuan below lower"),
                                                        (hi + 1, "1 yuan above upper"))])
def test_one_yuan_outside_limits_is_refused(year: int, base: int) -> None:
    with pytest.raises(PensionError) as info:
        flexible_contribution(PARAMS, year, base)
    assert info.value.code == "base_out_of_range"
    assert (info.value.details["lower"], info.value.details["upper"]) == tuple(
        map(D, LIMITS[year]))


@pytest.mark.parametrize("year", LIMITS)
def test_tier_rounding_reproduces_published_limits(year: int) -> None:
    assert tier_base(PARAMS, year, 60).outputs["base"] == LIMITS[year][0]
    assert tier_base(PARAMS, year, 300).outputs["base"] == LIMITS[year][1]


def test_tier_uses_low_confidence_average_and_says_so() -> None:
    result = tier_base(PARAMS, 2025, 100)
    assert result.outputs["base"] == 7185
    average = [p for p in result.params if p.name == "contribution_average_wage"][0]
    assert (average.confidence, average.verified) == ("low", False)


def test_rounding_half_up_at_half_a_fen() -> None:
    # 4,311.03 × 20% = 862.206 -> 862.21; 4,311.03 × 8% = 344.8824 -> 344.88
    # 4,311.05 × 8% = 344.884 -> 344.88; 4,311.0625 × 8% = 344.885 -> 344.89 (half up)
    assert flexible_contribution(PARAMS, 2025, "4311.03").outputs["monthly"] == D("862.21")
    out = flexible_contribution(PARAMS, 2025, "4311.0625").outputs
    assert out["personal_account_monthly"] == D("344.89")
    assert out["monthly"] == D("862.21")  # 862.2125 -> 862.21


def test_year_with_two_bases() -> None:
    out = flexible_year(PARAMS, 2025, [{"from_month": 1, "base": 4311},
                                       {"from_month": 7, "base": 7185}]).outputs
    assert [s["months"] for s in out["segments"]] == [6, 6]
    assert out["total"] == D("5173.20") + D("8622.00")
    assert out["personal_account_total"] == D("2069.28") + D("3448.80")


def test_year_starting_in_april_counts_nine_months() -> None:
    out = flexible_year(PARAMS, 2025, [{"from_month": 4, "base": 5000}]).outputs
    assert (out["months"], out["total"]) == (9, D("9000.00"))


@pytest.mark.parametrize("changes", [
    pytest.param([{"from_month": 7, "base": 5000}, {"from_month": 3, "base": 6000}],
                 id="months out of order"),
    pytest.param([{"from_month": 0, "base": 5000}], id="month 0"),
    pytest.param([{"base": 5000}], id="no from_month"),
    pytest.param([], id="no changes"),
])
def test_bad_changes(changes: list) -> None:
    with pytest.raises(PensionError):
        flexible_year(PARAMS, 2025, changes)


def test_a_base_change_outside_limits_is_refused() -> None:
    with pytest.raises(PensionError) as info:
        flexible_year(PARAMS, 2025, [{"from_month": 1, "base": 4311},
                                     {"from_month": 7, "base": 30000}])
    assert info.value.code == "base_out_of_range"


@pytest.mark.parametrize(("leave", "count", "first"), [
    pytest.param(1, 11, "2025-02", id="leaves in January"),
    pytest.param(8, 4, "2025-09", id="leaves in August"),
    pytest.param(11, 1, "2025-12", id="leaves in November"),
])
def test_leave_mid_year(leave: int, count: int, first: str) -> None:
    result = leave_mid_year(PARAMS, 2025, leave, base=4311)
    out = result.outputs
    assert out["month_count"] == count and out["months_to_declare"][0] == first
    assert (out["declare_by"], out["pay_by"]) == ("2025-12-31", "2026-06-30")
    assert out["total"] == D("862.20") * count
    assert any(p.name == "leave_mid_year_deadlines" and not p.verified for p in result.params)


def test_leave_mid_year_at_a_tier() -> None:
    """The job leaver's calculator takes a tier too: 100 % in 2025 is 7,185 yuan a month."""
    result = run(PARAMS, "leave-mid-year", {"year": 2025, "leave_month": 8, "tier": 100})
    assert (result.outputs["monthly"], result.outputs["total"]) == (D("1437.00"), D("5748.00"))
    assert result.extras == {"first_month": "2025-09", "base": D(7185)}
    assert [s.name for s in result.steps] == ["tier_base", "months_to_declare", "monthly", "leave_total"]
    with pytest.raises(PensionError) as info:
        run(PARAMS, "leave-mid-year", {"year": 2025, "leave_month": 8, "last_paid_month": 13})
    assert (info.value.code, info.value.details["field"]) == ("bad_month", "last_paid_month")


def test_flexible_plan_composes_tier_contribution_and_year() -> None:
    """A 60 % tier in 2025 (4,311 yuan), then 5,000 from April and 6,000 from July, the rows
    given out of order: 3 × 862.20 + 3 × 1,000 + 6 × 1,200 = 12,786.60 yuan."""
    result = run(PARAMS, "flexible-plan", {"year": 2025, "tier": 60, "changes": [
        {"from_month": 7, "base": 6000}, {"from_month": 4, "base": 5000}]})
    out = result.outputs
    assert (out["base"], out["monthly"], out["yearly"]) == (D(4311), D("862.20"), D("10346.40"))
    assert (out["months"], out["total"], out["personal_account_total"]) == \
        (12, D("12786.60"), D("5114.64"))
    assert [s.name for s in result.steps] == [
        "tier_base", "monthly", "quarterly", "yearly", "account_monthly",
        "monthly", "segment", "monthly", "segment", "monthly", "segment", "year_total"]
    assert [p.name for p in result.params] == [
        "tier_range", "contribution_average_wage", "contribution_base_limits", "flexible_rate",
        "flexible_account_rate"]
    plain = run(PARAMS, "flexible-plan", {"year": 2025, "base": 4311}).outputs
    assert "total" not in plain and plain["monthly"] == D("862.20")


@pytest.mark.parametrize(("data", "code", "field", "change"), [
    pytest.param({}, "missing_field", "base", None, id="neither base nor tier"),
    pytest.param({"tier": 301}, "tier_out_of_range", "tier", None, id="tier named as the page's"),
    pytest.param({"base": 5000, "changes": [{"from_month": 7, "base": 6000},
                                            {"from_month": 3, "base": 99999}]},
                 "base_out_of_range", "changes", 1, id="second row in the reader's order"),
    pytest.param({"base": 5000, "changes": [{"from_month": 9, "base": 6000},
                                            {"from_month": 9, "base": 7000}]},
                 "bad_month", "changes", 1, id="a month changed twice: the later row"),
])
def test_flexible_plan_refusals_name_the_field(data, code, field, change) -> None:
    with pytest.raises(PensionError) as info:
        run(PARAMS, "flexible-plan", {"year": 2025, **data})
    details = info.value.details
    assert (info.value.code, details["field"], details.get("change")) == (code, field, change)


def test_leave_in_december_leaves_nothing_to_declare() -> None:
    out = leave_mid_year(PARAMS, 2025, 12).outputs
    assert out["month_count"] == 0 and out["months_to_declare"] == []


@pytest.mark.parametrize(("wage", "base", "clamped"), [
    pytest.param(3000, 4311, "lower", id="3,000 raised to the lower limit"),
    pytest.param(4310, 4311, "lower", id="1 yuan below lower"),
    pytest.param(4311, 4311, None, id="at the lower limit"),
    pytest.param(21556, 21556, None, id="at the upper limit"),
    pytest.param(21557, 21556, "upper", id="1 yuan above upper"),
])
def test_employee_wage_clamped(wage: int, base: int, clamped: str | None) -> None:
    out = employee_contribution(PARAMS, 2025, wage).outputs
    assert (out["base"], out["clamped"]) == (base, clamped)
    assert out["employer"] == (D(base) * D("0.16")).quantize(D("0.01"))
    assert out["employee"] == (D(base) * D("0.08")).quantize(D("0.01"))


def test_hardship_subsidy_never_exceeds_two_thirds() -> None:
    out = hardship_subsidy(PARAMS, 2025, 4311).outputs
    assert out["paid"] == D("10346.40") and out["subsidy_max"] == D("6897.60")
    odd = hardship_subsidy(PARAMS, 2025, 4312, months=1).outputs  # 862.40 × 2/3 = 574.933…
    assert odd["subsidy_max"] == D("574.93")
    assert odd["subsidy_max"] * 3 <= odd["paid"] * 2


@given(st.integers(4311, 21555))
def test_higher_base_never_costs_less(base: int) -> None:
    low = flexible_contribution(PARAMS, 2025, base).outputs
    high = flexible_contribution(PARAMS, 2025, base + 1).outputs
    assert high["monthly"] > low["monthly"]
    assert low["yearly"] == low["monthly"] * 12 == low["quarterly"] * 4
