"""A {{…}} figure placeholder (hooks/load/figures.py) that does not resolve stops the build with a
message naming the file, the key path, the placeholder and what was expected; one test per kind
of mistake. And the formats the prose is written in."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DATA, run_build

from hooks.load import site_data as sitedata
from hooks.load.figures import show
from hooks.load.schema import DataError

GUIDE = "guides/flexible-workers.yml"


def put(data: Path, placeholder: str, lang: str = "en") -> None:
    """Write the placeholder into the flexible workers' guide summary, in one language."""
    path = data / GUIDE
    text = path.read_text(encoding="utf-8")
    line = f"  {lang}: " + ("Choose where to enrol." if lang == "en" else "自己选参保地，")
    assert line in text
    path.write_text(text.replace(line, f"{line}{placeholder}", 1), encoding="utf-8")


def error_of(data: Path, placeholder: str, lang: str = "en") -> str:
    put(data, placeholder, lang)
    with pytest.raises(DataError) as info:
        sitedata.load(data)
    msg = str(info.value)
    assert msg.startswith(f"data/{GUIDE}: summary.{lang}: expected "), msg
    return msg


def test_a_good_placeholder_is_filled_in_every_text_read(data_copy):
    put(data_copy, " {{param:employee_rate}} {{year:contribution_base_limits}}")
    site = sitedata.load(data_copy)
    guide = next(g for g in site.guides if g["id"] == "flexible-workers")
    assert guide["summary"]["en"].endswith("Choose where to enrol. 8% 2026 Pay monthly, quarterly "
                                           "or yearly. Change your base more than once a year.")


def test_unknown_parameter(data_copy):
    msg = error_of(data_copy, "{{param:employe_rate}}")
    assert "got '{{param:employe_rate}}'" in msg and "a parameter of data/parameters.yml" in msg
    assert "employee_rate" in msg                       # the names it could have been


def test_year_without_a_value(data_copy):
    msg = error_of(data_copy, "{{param:contribution_base_limits.lower@2019}}")
    assert "got '{{param:contribution_base_limits.lower@2019}}'" in msg
    assert "a year contribution_base_limits has a value for (2023, 2024, 2025, 2026)" in msg


def test_year_keyed_parameter_without_a_year(data_copy):
    msg = error_of(data_copy, "{{param:jifa_base}}")
    assert "a year: jifa_base has one value a year (2022–2025); add @YEAR or @latest" in msg


def test_date_keyed_parameter_before_its_first_value(data_copy):
    msg = error_of(data_copy, "{{param:personal_pension_cap@2020}}")
    assert "a year from 2024 on" in msg


def test_unknown_field_and_missing_field(data_copy):
    msg = error_of(data_copy, "{{param:contribution_base_limits.lowest@2025}}")
    assert "a field of contribution_base_limits (lower, upper)" in msg
    shutil.copy(DATA / GUIDE, data_copy / GUIDE)          # start again from the real guide
    msg = error_of(data_copy, "{{param:contribution_base_limits@2025}}")
    assert "one field of contribution_base_limits" in msg


def test_latest_year_of_a_date_keyed_parameter(data_copy):
    msg = error_of(data_copy, "{{year:employee_rate}}")
    assert "a parameter keyed by year (employee_rate is keyed by date" in msg


def test_unknown_example(data_copy):
    msg = error_of(data_copy, "{{example:rider-hefei.monthly}}")
    assert "a worked example of data/examples.yml" in msg and "rider-hefei-quarterly" in msg


def test_unknown_example_output(data_copy):
    msg = error_of(data_copy, "{{example:rider-hefei-quarterly.weekly}}")
    assert "an expected figure of rider-hefei-quarterly (monthly, quarterly, yearly" in msg


def test_unknown_rule_and_rule_output(data_copy):
    msg = error_of(data_copy, "{{rule:employee-pay(year=2025, wage=6000).employee}}")
    assert "a rule of pension/rules.py" in msg and "employee-contribution" in msg
    shutil.copy(DATA / GUIDE, data_copy / GUIDE)          # start again from the real guide
    msg = error_of(data_copy, "{{rule:employee-contribution(year=2025, wage=6000).pay}}")
    assert "an output of employee-contribution (base, clamped, employer, employee, total" in msg


def test_rule_input_the_rule_refuses(data_copy):
    msg = error_of(data_copy, "{{rule:employee-contribution(year=2019, wage=6000).employee}}")
    assert "an input employee-contribution accepts: " in msg and "2019" in msg


def test_bad_syntax(data_copy):
    msg = error_of(data_copy, "{{param:employee_rate}")
    assert "a figure placeholder: {{param:NAME[.FIELD][@YEAR|@latest]}}" in msg
    assert "{{param:employee_rate}" in msg


def test_unknown_kind(data_copy):
    msg = error_of(data_copy, "{{parameter:employee_rate}}")
    assert "got '{{parameter:employee_rate}}'" in msg and "a figure placeholder" in msg


def test_source_without_a_document_number(data_copy):
    msg = error_of(data_copy, "{{source:contribution_base_limits@2023}}", lang="zh")
    assert "anhui-base-limits-2023 in data/sources.yml has no number:" in msg


def test_placeholder_at_the_start_of_a_plain_yaml_text_says_to_quote_it(data_copy):
    path = data_copy / GUIDE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  en: Choose where to enrol.",
                                 "  en: {{param:employee_rate}} Choose where to enrol.", 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as info:
        sitedata.load(data_copy)
    assert "must be in quotes" in str(info.value)


def test_bad_placeholder_in_a_hand_written_page_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "calculators" / "flexible-contribution.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nYou pay {{param:flexible_rat}}.\n",
                    encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("docs/calculators/flexible-contribution.en.md: (page): expected a parameter of "
            "data/parameters.yml") in out
    assert "got '{{param:flexible_rat}}'" in out
    assert not site.exists()


@pytest.mark.parametrize(("value", "unit", "shown"), [
    (0.08, "rate", "8%"), (0.0262, "rate", "2.62%"), (0.013, "rate", "1.3%"),
    (60, "percent", "60%"), (4311, "yuan_per_month", "4,311"), (12000, "yuan_per_year", "12,000"),
    (Decimal("862.20"), None, "862.20"), (862.2, None, "862.20"), (Decimal("480.00"), None, "480"),
    (Decimal("10346.4"), None, "10,346.40"), (139, "months", "139"),
])
def test_formats_as_the_prose_writes_them(value, unit, shown):
    assert show(value, unit) == shown
