"""Parameter lookups: explicit years and dates, ranges, latest-applies, flags, browser JSON."""

from __future__ import annotations

import json

import pytest

from pension.errors import PensionError
from pension.loader import load_parameters, read_yaml
from pension.params import ParameterSet, to_browser_json

PARAMS = load_parameters()


def test_every_parameter_has_a_known_source() -> None:
    sources = {s["id"] for s in read_yaml(
        load_parameters.__globals__["REPO"] / "data" / "sources.yml")["sources"]}
    for name in PARAMS.names():
        for key, entry in PARAMS.spec(name)["values"].items():
            assert entry["source"] in sources, f"{name}[{key}]"


@pytest.mark.parametrize(("year", "lower"), [(2023, 4019), (2026, 4354)])
def test_year_lookup(year: int, lower: int) -> None:
    assert PARAMS.get("contribution_base_limits", year).value["lower"] == lower


@pytest.mark.parametrize("year", [2022, 2027])
def test_year_outside_range_is_an_error(year: int) -> None:
    with pytest.raises(PensionError) as info:
        PARAMS.get("contribution_base_limits", year)
    assert info.value.code == "year_out_of_range"


def test_date_lookup_before_first_value_is_an_error() -> None:
    with pytest.raises(PensionError):
        PARAMS.get("employer_rate", "2019-04-30")
    assert PARAMS.get("employer_rate", "2019-05-01").value == 0.16
    assert PARAMS.get("employer_rate", 2040).value == 0.16


def test_latest_applies_is_recorded() -> None:
    assert PARAMS.get("min_contribution_months", 2045).use.latest_applied is True
    assert PARAMS.get("min_contribution_months", 2039).use.latest_applied is False


def test_per_year_flags_override_defaults() -> None:
    assert PARAMS.get("account_interest_rate", 2024).use.confidence == "high"
    assert PARAMS.get("account_interest_rate", 2025).use.confidence == "low"
    assert PARAMS.get("jifa_base", 2025).use.source == "anhui-jifa-base-2025"


def test_bad_parameter_file_names_the_path() -> None:
    with pytest.raises(ValueError, match=r"^parameters\.x\.unit: expected this key to be present$"):
        ParameterSet({"parameters": {"x": {"description": {"zh": "a", "en": "b"},
                                           "keyed_by": "year", "values": {2025: 1},
                                           "confidence": "high", "verified": True}}})


def test_browser_json_has_every_parameter_and_is_json() -> None:
    data = to_browser_json(PARAMS)
    text = json.dumps(data, ensure_ascii=False)
    assert set(data["parameters"]) == set(PARAMS.names())
    limits = data["parameters"]["contribution_base_limits"]["values"]["2025"]
    assert limits["value"] == {"lower": 4311, "upper": 21556}
    assert limits["verified"] is False and limits["source"] == "anhui-base-limits-2025"
    assert "reference" not in limits   # the page lists the sources; the browser needs only the key
    assert data["parameters"]["payment_months_table"]["disputed_ages"] == [47]
    assert '"47": 207' in text
