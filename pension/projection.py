"""A labelled ESTIMATE of a personal-account balance after some more years of contributions.

Simple annual compounding, stated as an assumption: each year the opening balance earns the
assumed rate, then that year's contributions (monthly base × account rate × 12) are added
without interest. The balance is rounded half up to the fen at the end of each year. Real
crediting differs (the fact sheet notes other practices); pages must label this an estimate.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import PensionError
from .money import round_fen, to_decimal
from .params import ParameterSet
from .working import Q, Result, Step

# The most whole years a projection runs (also the guided estimate's limit, code ``too_far``).
MAX_YEARS = 60


def account_projection(params: ParameterSet, years: int, monthly_base: object,
                       interest_rate: object | None = None, start_balance: object = 0,
                       account_rate_year: int = 2025, rate_year: int | None = None) -> Result:
    """Balance after ``years`` whole years at an assumed yearly ``interest_rate``.

    Without ``interest_rate``, the published 记账利率 of ``rate_year`` is assumed for every
    year (and its flags are carried into the result).
    """
    uses = []
    if interest_rate is None:
        if rate_year is None:
            raise PensionError("missing_field", "give interest_rate or rate_year",
                               field="interest_rate")
        found = params.get("account_interest_rate", rate_year)
        interest_rate = found.value
        uses.append(found.use)
    if isinstance(years, bool) or not isinstance(years, int) or not 0 <= years <= MAX_YEARS:
        raise PensionError("bad_value",
                           f"years must be a whole number 0–{MAX_YEARS}, got {years!r}",
                           field="years")
    base = to_decimal(monthly_base)
    rate = to_decimal(interest_rate)
    balance = round_fen(to_decimal(start_balance))
    for name, bad in (("monthly_base", base < 0), ("start_balance", balance < 0),
                      ("interest_rate", not Decimal(0) <= rate < Decimal(1))):
        if bad:
            raise PensionError("bad_value", f"{name}: base and balance must be ≥ 0, rate between "
                               "0 and 1", field=name)
    share = params.get("employee_rate", account_rate_year)
    yearly = round_fen(base * to_decimal(share.value) * 12)
    steps = [Step("yearly_credit", "monthly base × 8% × 12",
                  (Q(base, "amount"), "×", Q(to_decimal(share.value), "rate"), "× 12"),
                  Q(yearly, "money"), "yuan/year")]
    rows = []
    for year in range(1, years + 1):
        opening = balance
        balance = round_fen(opening * (1 + rate)) + yearly
        rows.append({"year": year, "opening": opening, "closing": balance})
        steps.append(Step("projection_year", "opening × (1 + rate) + yearly credit",
                          (Q(opening, "money"), "× (1 +", Q(rate, "rate"), ") +",
                           Q(yearly, "money")), Q(balance, "money"), "yuan",
                          note=f"year {year}"))
    outputs = {"balance": balance, "yearly_credit": yearly, "interest_rate": rate, "years": rows,
               "estimate": True}
    return Result("account-projection", outputs, tuple(steps), (share.use, *uses))
