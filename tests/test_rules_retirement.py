"""Retirement age, flexible window and minimum years: edges of every band, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pension.errors import PensionError
from pension.loader import load_parameters
from pension.min_years import min_contribution
from pension.retirement import retirement_age

PARAMS = load_parameters()

# (category, original age, first affected birth year-month, step, number of bands)
BANDS = [("male", 60, (1965, 1), 4, 36), ("female55", 55, (1970, 1), 4, 36),
         ("female50", 50, (1975, 1), 2, 60)]


def ym(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def band_cases() -> list:
    cases = []
    for category, original, (y, m), step, count in BANDS:
        first = y * 12 + m - 1
        for band in range(1, count + 1):
            start = first + (band - 1) * step
            for which, born in (("first", start), ("last", start + step - 1)):
                age = original * 12 + band
                cases.append(pytest.param(
                    category, ym(born), band, ym(born + age),
                    id=f"{category} born {ym(born)}, {which} month of band {band}: "
                       f"{age // 12}y{age % 12}m"))
    return cases


@pytest.mark.parametrize(("category", "birth", "delay", "retire"), band_cases())
def test_every_band_edge(category: str, birth: str, delay: int, retire: str) -> None:
    out = retirement_age(PARAMS, birth, category).outputs
    assert out["delay_months"] == delay
    assert out["retire"] == retire


@pytest.mark.parametrize(("category", "birth", "age", "retire", "delay"), [
    pytest.param("male", "1964-12", (60, 0), "2024-12", 0, id="man born 1964-12 keeps age 60"),
    pytest.param("male", "1965-12", (60, 3), "2026-03", 3, id="man born 1965-12 (fact sheet)"),
    pytest.param("male", "1966-01", (60, 4), "2026-05", 4, id="man born 1966-01 (fact sheet)"),
    pytest.param("male", "1970-01", (61, 4), "2031-05", 16, id="man born 1970-01 (fact sheet)"),
    pytest.param("male", "1975-06", (62, 8), "2038-02", 32, id="man born 1975-06 (fact sheet)"),
    pytest.param("male", "1977-01", (63, 0), "2040-01", 36, id="man born 1977-01 gets full 63"),
    pytest.param("female55", "1970-09", (55, 3), "2025-12", 3, id="woman55 born 1970-09"),
    pytest.param("female55", "1981-09", (58, 0), "2039-09", 36, id="woman55 born 1981-09"),
    pytest.param("female55", "1982-01", (58, 0), "2040-01", 36, id="woman55 born 1982-01, capped"),
    pytest.param("female50", "1974-12", (50, 0), "2024-12", 0, id="woman50 born 1974-12 keeps 50"),
    pytest.param("female50", "1977-01", (51, 1), "2028-02", 13, id="woman50 born 1977-01"),
    pytest.param("female50", "1978-05", (51, 9), "2030-02", 21, id="woman50 born 1978-05"),
    pytest.param("female50", "1995-12", (55, 0), "2050-12", 60, id="woman50 born 1995-12"),
])
def test_fact_sheet_rows(category, birth, age, retire, delay) -> None:
    out = retirement_age(PARAMS, birth, category).outputs
    assert (out["age"]["years"], out["age"]["months"]) == age
    assert out["retire"] == retire
    assert out["delay_months"] == delay


def test_no_male_retirements_in_june_2025() -> None:
    months = {retirement_age(PARAMS, ym(i), "male").outputs["retire"]
              for i in range(1964 * 12, 1967 * 12)}
    assert "2025-06" not in months
    assert {"2025-05", "2025-07"} <= months


@pytest.mark.parametrize(("birth", "category", "earliest", "latest", "early"), [
    pytest.param("1965-01", "male", "2025-01", "2028-02", 1, id="man 1965-01 may go 1 month early"),
    pytest.param("1976-09", "male", "2036-09", "2042-09", 36, id="man 1976-09 full 3-year window"),
    pytest.param("1978-05", "female50", "2028-05", "2033-02", 21, id="woman50 1978-05 floor at 50"),
])
def test_flexible_window(birth, category, earliest, latest, early) -> None:
    flex = retirement_age(PARAMS, birth, category).extras["flexible"]
    assert flex["earliest_retire"] == earliest
    assert flex["latest_retire"] == latest
    assert flex["early_months"] == early
    assert flex["late_months"] == 36


MIN_YEARS = [(2025, 180), (2026, 180), (2027, 180), (2028, 180), (2029, 180), (2030, 186),
             (2031, 192), (2032, 198), (2033, 204), (2034, 210), (2035, 216), (2036, 222),
             (2037, 228), (2038, 234), (2039, 240), (2040, 240), (2060, 240)]


@pytest.mark.parametrize(("year", "months"), MIN_YEARS, ids=[f"statutory age in {y}" for y, _ in
                                                             MIN_YEARS])
def test_min_contribution_table(year: int, months: int) -> None:
    result = min_contribution(PARAMS, year)
    assert result.outputs["months"] == months
    assert result.params[0].latest_applied is (year > 2039)


def test_min_contribution_before_2006_is_an_error() -> None:
    with pytest.raises(PensionError) as info:
        min_contribution(PARAMS, 2005)
    assert info.value.code == "year_out_of_range"


def test_someone_who_reached_statutory_age_before_the_reform_needed_15_years() -> None:
    out = retirement_age(PARAMS, "1960-01", "male").extras
    assert (out["min_contribution_year"], out["min_contribution_months"]) == (2020, 180)


def test_retirement_result_carries_min_months_of_statutory_year() -> None:
    out = retirement_age(PARAMS, "1978-05", "female50").extras
    assert (out["min_contribution_year"], out["min_contribution_months"]) == (2030, 186)


@pytest.mark.parametrize("birth", ["1965-13", "1965-00", "1965-1", "65-01", "abcd-ef"])
def test_impossible_birth_month(birth: str) -> None:
    with pytest.raises(PensionError):
        retirement_age(PARAMS, birth, "male")


def test_unknown_category() -> None:
    with pytest.raises(PensionError) as info:
        retirement_age(PARAMS, "1970-01", "female60")
    assert info.value.code == "bad_category"


births = st.integers(min_value=1940 * 12, max_value=2010 * 12)
categories = st.sampled_from(["male", "female55", "female50"])


@given(births, st.integers(min_value=1, max_value=240), categories)
def test_later_birth_never_retires_earlier(born: int, later: int, category: str) -> None:
    first = retirement_age(PARAMS, ym(born), category).outputs["retire"]
    second = retirement_age(PARAMS, ym(born + later), category).outputs["retire"]
    assert second >= first


@given(births, categories)
def test_delay_never_exceeds_cap(born: int, category: str) -> None:
    out = retirement_age(PARAMS, ym(born), category).all_outputs()
    cap = {"male": 36, "female55": 36, "female50": 60}[category]
    assert 0 <= out["delay_months"] <= cap
    assert out["flexible"]["early_months"] <= 36
    assert out["flexible"]["earliest_age"]["years"] >= out["original_age"]["years"]
