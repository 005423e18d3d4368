"""计发月数 table and month-level rule; pension estimate parts; projection; pillars 2 and 3."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pension.annuity import annuity_check
from pension.compare import compare_later
from pension.errors import PensionError
from pension.estimate import pension_estimate
from pension.guided import guided_estimate
from pension.loader import load_parameters
from pension.payment_months import payment_months
from pension.personal_pension import personal_pension
from pension.projection import account_projection

PARAMS = load_parameters()
D = Decimal
WHOLE = {40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 207, 48: 204,
         49: 199, 50: 195, 51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158,
         58: 152, 59: 145, 60: 139, 61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93,
         67: 84, 68: 75, 69: 65, 70: 56}


@pytest.mark.parametrize(("age", "months"), WHOLE.items(), ids=[f"age {a}" for a in WHOLE])
def test_whole_ages(age: int, months: int) -> None:
    result = payment_months(PARAMS, age, 0)
    assert result.outputs["months"] == D(months)
    assert result.params[0].disputed is (age == 47)


@pytest.mark.parametrize(("years", "months", "value"), [
    (60, 1, "138.4"), (60, 3, "137.3"), (60, 4, "136.7"), (60, 9, "133.8"), (58, 3, "150.3"),
    (62, 10, "118.3"), (50, 1, "194.6"), (52, 9, "181.3"), (69, 11, "56.8"), (40, 6, "231.5"),
], ids=lambda v: str(v))
def test_month_level_examples(years: int, months: int, value: str) -> None:
    result = payment_months(PARAMS, years, months)
    assert result.outputs["months"] == D(value)
    assert any(p.name == "payment_months_month_level" and not p.verified for p in result.params)


def test_month_level_next_to_47_is_flagged_disputed() -> None:
    assert payment_months(PARAMS, 46, 6).params[0].disputed
    assert not payment_months(PARAMS, 48, 6).params[0].disputed


@given(st.integers(40, 69), st.integers(0, 11))
def test_older_never_gets_more_months(years: int, months: int) -> None:
    here = payment_months(PARAMS, years, months).outputs["months"]
    nxt = payment_months(PARAMS, years + (months + 1) // 12, (months + 1) % 12).outputs["months"]
    assert nxt <= here


VECTOR = {"jifa_base": 7688, "index": "1.3494", "years": "41.1", "deemed_years": "9.3",
              "account_balance": "268627.94", "payment_months": "139.0"}


def test_public_vector_parts() -> None:
    result = pension_estimate(PARAMS, **VECTOR)
    assert result.outputs == {"basic": D("3711.78"), "personal_account": D("1932.58"),
                              "transitional": D("1254.24"), "total": D("6898.60")}
    assert [s.name for s in result.steps] == ["basic", "personal_account", "transitional",
                                              "total"]
    coeff = [p for p in result.params if p.name == "transitional_coefficient"][0]
    assert coeff.verified is False


@pytest.mark.parametrize(("base", "index", "deemed", "want"), [
    pytest.param(7401, "1.0321", "2.7", "268.11", id="2022 benefit sheet"),
    pytest.param(7688, "0.6481", "12.7", "822.63", id="2024 benefit sheet, low index"),
])
def test_transitional_matches_real_sheets(base, index, deemed, want) -> None:
    out = pension_estimate(PARAMS, base, index, "30", deemed, "0", "139").outputs
    assert out["transitional"] == D(want)


def test_parts_rounded_half_up_at_half_a_fen() -> None:
    # basic: 7,999 × (1 + 1) ÷ 2 × 39.5 × 1% = 3,159.605 -> 3,159.61
    # account: 1.005 ÷ 1 = 1.005 -> 1.01; total = sum of rounded parts
    out = pension_estimate(PARAMS, 7999, 1, "39.5", 0, "1.005", 1).outputs
    assert out["basic"] == D("3159.61")
    assert out["personal_account"] == D("1.01")
    assert out["total"] == D("3160.62")


def test_deemed_years_cannot_exceed_years() -> None:
    with pytest.raises(PensionError):
        pension_estimate(PARAMS, 7999, 1, 10, 11, 0, 139)


money = st.decimals(min_value=0, max_value=2_000_000, places=2)
index = st.decimals(min_value="0.6", max_value="3", places=4)
years = st.decimals(min_value=0, max_value=45, places=1)


@given(st.integers(5000, 12000), index, years, money, st.integers(1, 40))
def test_parts_add_up_to_total(base, i, n, balance, deemed) -> None:
    d = min(D(deemed), n)
    out = pension_estimate(PARAMS, base, i, n, d, balance, "139.0").outputs
    assert out["total"] == out["basic"] + out["personal_account"] + out["transitional"]
    for part in ("basic", "personal_account", "transitional"):
        assert out[part] == out[part].quantize(D("0.01"))


@given(st.integers(5000, 12000), st.integers(1, 500), index, years)
def test_higher_base_never_lowers_pension(base, more, i, n) -> None:
    low = pension_estimate(PARAMS, base, i, n, 0, 100000, 139).outputs["total"]
    high = pension_estimate(PARAMS, base + more, i, n, 0, 100000, 139).outputs["total"]
    assert high >= low


def test_projection_three_years() -> None:
    result = account_projection(PARAMS, 3, 5000, "0.015", 120000)
    assert [r["closing"] for r in result.outputs["years"]] == [
        D("126600.00"), D("133299.00"), D("140098.49")]
    assert result.outputs["estimate"] is True


def test_projection_with_published_2025_rate_carries_low_confidence() -> None:
    result = account_projection(PARAMS, 1, 5000, None, 0, rate_year=2025)
    rate = [p for p in result.params if p.name == "account_interest_rate"][0]
    assert (rate.value, rate.confidence, rate.verified) == (0.015, "low", False)
    with pytest.raises(PensionError):
        account_projection(PARAMS, 1, 5000, None, 0, rate_year=2026)


def test_retiring_three_years_later_pays_more() -> None:
    out = compare_later(PARAMS, "1966-03", "male", 7999, 1, "39.5", 9, 120000, 5000,
                        "0.015").outputs
    assert out["statutory"]["total"] == D("4973.32")
    assert out["later"]["total"] == D("5561.17")
    assert out["difference"] == D("587.85")


@pytest.mark.parametrize(("paid", "rate", "deductible", "saving", "tax"), [
    pytest.param(12000, "0.10", 12000, "1200.00", "360.00", id="at the cap"),
    pytest.param(12001, "0.10", 12000, "1200.00", "360.00", id="1 yuan over the cap"),
    pytest.param(6000, "0.03", 6000, "180.00", "180.00", id="half the cap at 3%"),
])
def test_personal_pension(paid, rate, deductible, saving, tax) -> None:
    out = personal_pension(PARAMS, 2025, paid, rate).outputs
    assert (out["deductible"], out["tax_saving"], out["withdrawal_tax"]) == (
        D(deductible), D(saving), D(tax))
    assert out["capped"] is (paid > 12000)


@pytest.mark.parametrize(("er", "ee", "employer_ok", "total_ok"), [
    pytest.param("0.08", "0.04", True, True, id="8% + 4% is exactly at both caps"),
    pytest.param("0.0801", "0", False, True, id="employer just over 8%"),
    pytest.param("0.08", "0.0401", True, False, id="total just over 12%"),
])
def test_annuity_caps(er, ee, employer_ok, total_ok) -> None:
    out = annuity_check(PARAMS, 2025, 1000000, er, ee).outputs
    assert (out["employer_ok"], out["total_ok"]) == (employer_ok, total_ok)
    assert (out["employer_max"], out["total_max"]) == (D("80000.00"), D("120000.00"))


def test_guided_estimate_by_hand() -> None:
    # Man born 1980-01, 10 years paid, paying at the 60% tier from now on. Worked by hand:
    # statutory age 60 + 36 months = 63y0m → retires 2043-01; 计发月数 at 63 = 117; the 2026
    # tier base 87,088 × 60% ÷ 12 = 4,354.4 → 4,354; 17 more years (2026…2042) → 27 years;
    # basic = 7,999 × (1 + 0.6) ÷ 2 × 27 × 1% = 1,727.78.
    result = guided_estimate(PARAMS, "1980-01", "male", 10, 60)
    out, extras = result.outputs, result.extras
    assert out["retire"] == "2043-01" and out["payment_months"] == 117
    assert extras["monthly_base"] == 4354 and extras["remaining"] == 17 and extras["years"] == 27
    assert out["basic"] == D("1727.78")
    assert out["personal_account"] == (out["balance"] / 117).quantize(D("0.01"))
    assert out["total"] == out["basic"] + out["personal_account"]
    # Each later year of the projection adds the year's credit (4,354 × 8% × 12) plus interest.
    assert extras["yearly_credit"] == D("4179.84")
    assert D("4179.84") * 17 < out["balance"] < D("4179.84") * 17 * D("1.015") ** 17


def test_guided_estimate_refuses_people_already_retired_and_negative_years() -> None:
    with pytest.raises(PensionError) as err:
        guided_estimate(PARAMS, "1950-01", "male", 10, 60)
    assert err.value.code == "already_retired"
    with pytest.raises(PensionError) as err:
        guided_estimate(PARAMS, "1980-01", "male", -1, 60)
    assert err.value.code == "bad_value"
