"""Minimum contribution months for a monthly pension (办法 第二条, 附件4).

Keyed on the year the statutory retirement age is reached: 180 months for 2025–2029, then
6 more each year from 2030, up to 240 from 2039 on (the table's last row applies after it).
"""

from __future__ import annotations

from .errors import PensionError
from .params import ParameterSet
from .working import Q, Result, Step


def min_contribution(params: ParameterSet, year: int) -> Result:
    """The minimum contribution months for someone reaching statutory age in ``year``."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise PensionError("bad_type", f"year must be a whole number, got {year!r}")
    found = params.get("min_contribution_months", year)
    months = int(found.value)
    step = Step("min_months", "minimum months for the year the statutory age is reached",
                (Q(year, "number"),), Q(months, "months"), "months")
    return Result("min-contribution", {"months": months}, (step,), (found.use,),
                  {"years": _years(months)})


def _years(months: int) -> dict[str, int]:
    return {"years": months // 12, "months": months % 12}
