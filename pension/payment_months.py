"""计发月数: the months a personal-account balance is divided by, for an age in years+months.

Whole ages 40–70 come from the 国发〔2005〕38号 table (``payment_months_table``). For an age
with months (from 2025-01-01, ``payment_months_month_level``) the value is spread evenly
between the two whole ages and rounded half up to 1 decimal:
``M(a, m) = round1(M(a) − (M(a) − M(a+1)) × m / 12)``.
A result that touches a disputed whole age (47) is flagged ``disputed``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .errors import PensionError
from .money import round_1dp
from .params import ParameterSet
from .working import Q, Result, Step

TABLE_IN_FORCE = "2006-01-01"
MONTH_LEVEL_IN_FORCE = "2025-01-01"


def payment_months(params: ParameterSet, years: int, months: int = 0) -> Result:
    """计发月数 at ``years`` years and ``months`` months (month-level rule)."""
    for name, value in (("years", years), ("months", months)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise PensionError("bad_type", f"{name} must be a whole number, got {value!r}",
                               field=name)
    if not 0 <= months <= 11:
        raise PensionError("bad_month", f"months must be 0–11, got {months}",
                           field="months")
    found = params.get("payment_months_table", TABLE_IN_FORCE)
    table = {int(k): Decimal(str(v)) for k, v in found.value.items()}
    low, high = min(table), max(table)
    if not (low <= years <= high) or (years == high and months):
        raise PensionError("age_out_of_range",
                           f"years: {years} (and months {months}) is outside the table's ages {low}y0m to "
                           f"{high}y0m",
                           low=low, high=high, field="years")
    disputed = set(params.spec("payment_months_table").get("disputed_ages", []))
    touched = {years} if months == 0 else {years, years + 1}
    table_use = replace(found.use, disputed=bool(touched & disputed))
    at_age = table[years]
    if months == 0:
        value = round_1dp(at_age)
        step = Step("payment_months_whole", "M(age) from the table", (Q(years, "years"),),
                    Q(value, "months"), "months")
        return Result("payment-months", {"months": value}, (step,), (table_use,))
    rule = params.get("payment_months_month_level", MONTH_LEVEL_IN_FORCE)
    next_age = table[years + 1]
    exact = at_age - (at_age - next_age) * months / Decimal(12)
    value = round_1dp(exact)
    step = Step("payment_months_interpolated", "M(a) − (M(a) − M(a+1)) × m ÷ 12, to 1 decimal",
                (Q(at_age, "months"), "− (", Q(at_age, "months"), "−", Q(next_age, "months"),
                 ") ×", Q(months, "count"), "÷ 12"),
                Q(value, "months"), "months")
    return Result("payment-months", {"months": value}, (step,), (table_use, rule.use))
