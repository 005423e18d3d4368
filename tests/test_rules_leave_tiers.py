"""What the job leaver's months cost at each tier (pension.leave_tiers), worked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pension.errors import PensionError
from pension.loader import load_parameters
from pension.rules import run

PARAMS = load_parameters()
D = Decimal
TIERS = [60, 100, 150, 200, 300]
LEFT_IN_AUGUST = {"year": 2025, "leave_month": 8, "tiers": TIERS}   # September–December: 4 months


def _rows(data):
    return {row["key"]: row for row in run(PARAMS, "leave-mid-year-tiers", data).outputs["tiers"]}


def test_tier_rows_by_hand() -> None:
    # 2025 average wage 86,224: tier 60 base = 86,224 × 60% ÷ 12 = 4,311.2 → 4,311; 20% of it is
    # 862.20 a month, × 4 months = 3,448.80. Tier 100: 7,185.33 → 7,185 → 1,437.00 → 5,748.00,
    # 2,299.20 more than the reader's own.
    rows = _rows({**LEFT_IN_AUGUST, "base": 4311})
    assert list(rows) == [f"tier:{t}" for t in TIERS]
    own = rows["tier:60"]
    assert own["own"] and own["base"] == 4311 and own["monthly"] == D("862.20")
    assert own["total"] == D("3448.80") and own["difference"] == 0
    hundred = rows["tier:100"]
    assert not hundred["own"] and hundred["base"] == 7185 and hundred["monthly"] == D("1437.00")
    assert hundred["total"] == D("5748.00") and hundred["difference"] == D("2299.20")
    assert [r["own"] for r in rows.values()] == [True, False, False, False, False]


def test_a_typed_base_that_is_no_tier_gets_its_own_row_in_base_order() -> None:
    # 5,000 × 20% = 1,000.00 a month, × 4 = 4,000.00; tier 60 costs 551.20 less.
    rows = _rows({**LEFT_IN_AUGUST, "base": 5000})
    assert list(rows) == ["tier:60", "own", "tier:100", "tier:150", "tier:200", "tier:300"]
    assert rows["own"]["tier"] is None and rows["own"]["own"] and rows["own"]["total"] == 4000
    assert rows["tier:60"]["difference"] == D("-551.20")


def test_the_readers_tier_joins_the_list() -> None:
    # Tier 120: 86,224 × 1.2 ÷ 12 = 8,622.4 → 8,622 → 1,724.40 a month → 6,897.60.
    rows = _rows({**LEFT_IN_AUGUST, "tier": 120})
    assert list(rows) == ["tier:60", "tier:100", "tier:120", "tier:150", "tier:200", "tier:300"]
    assert rows["tier:120"]["own"] and rows["tier:120"]["total"] == D("6897.60")
    assert rows["tier:100"]["difference"] == D("-1149.60")


def test_no_base_no_own_row_and_no_difference() -> None:
    rows = _rows(LEFT_IN_AUGUST)
    assert not any(r["own"] for r in rows.values())
    assert {r["difference"] for r in rows.values()} == {None}


def test_no_month_to_declare_no_rows() -> None:
    assert _rows({**LEFT_IN_AUGUST, "leave_month": 12, "tier": 100}) == {}


@pytest.mark.parametrize(("tiers", "code"), [([], "bad_value"), (["100"], "bad_type"),
                                             ([40], "tier_out_of_range")])
def test_bad_tier_lists_are_refused_naming_tiers(tiers, code) -> None:
    with pytest.raises(PensionError) as caught:
        run(PARAMS, "leave-mid-year-tiers", {**LEFT_IN_AUGUST, "base": 4311, "tiers": tiers})
    assert caught.value.code == code and caught.value.details["field"] == "tiers"
