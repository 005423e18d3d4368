"""Year-month arithmetic on "YYYY-MM" strings. Birth day never matters to these rules."""

from __future__ import annotations

import re

from .errors import PensionError

_YM = re.compile(r"^(\d{4})-(\d{2})$")


def parse_ym(text: object, field: str = "month") -> int:
    """'YYYY-MM' -> months since year 0 (year*12 + month-1). Rejects month 00 or 13."""
    if not isinstance(text, str):
        raise PensionError("bad_type", f"{field} must be a string 'YYYY-MM', got {text!r}",
                           field=field)
    match = _YM.match(text)
    if not match:
        raise PensionError("bad_month", f"{field} must look like 'YYYY-MM', got {text!r}",
                           field=field)
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        raise PensionError("bad_month", f"{field}: there is no month {month:02d}",
                           field=field)
    if not 1900 <= year <= 2100:
        raise PensionError("year_out_of_range", f"{field}: year {year} is outside 1900–2100",
                           field=field)
    return year * 12 + month - 1


def format_ym(index: int) -> str:
    """Months since year 0 -> 'YYYY-MM'."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def age_dict(months: int) -> dict[str, int]:
    """A number of months -> {"years": y, "months": m}."""
    return {"years": months // 12, "months": months % 12}
