"""Monthly pension estimate: basic + personal account + Anhui transitional pension.

Formulas (国发〔2005〕38号; Anhui coefficient ``transitional_coefficient``):
- basic = C × (1 + I) ÷ 2 × N × 1 %
- personal account = balance ÷ 计发月数
- transitional = C × I × deemed years × 1.3 %
C = 计发基数, I = average contribution index, N = contribution years (including deemed).
Each part is rounded half up to the fen; the total is the sum of the rounded parts, as
official benefit sheets show it. ``as_of`` picks the formula parameters in force.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import PensionError
from .money import MAX_YEARS, round_fen, to_decimal
from .params import ParameterSet, ParamUse
from .working import Q, Result, Step


def _positive(name: str, value: object, allow_zero: bool = True) -> Decimal:
    try:
        number = to_decimal(value)
    except TypeError as exc:
        raise PensionError("bad_type", f"{name} must be a number, got {value!r}") from exc
    if number < 0 or (number == 0 and not allow_zero):
        raise PensionError("bad_value", f"{name} must be positive, got {value!r}")
    return number


def pension_estimate(params: ParameterSet, jifa_base: object, index: object, years: object,
                     deemed_years: object, account_balance: object, payment_months: object,
                     as_of: str = "2025-01-01",
                     extra_params: tuple[ParamUse, ...] = ()) -> Result:
    """The three parts and the total, each with its working."""
    c = _positive("jifa_base", jifa_base, allow_zero=False)
    i = _positive("index", index)
    n = _positive("years", years)
    d = _positive("deemed_years", deemed_years)
    balance = _positive("account_balance", account_balance)
    months = _positive("payment_months", payment_months, allow_zero=False)
    if n > MAX_YEARS:
        raise PensionError("bad_value", f"years must be at most {MAX_YEARS}, got {years}",
                           field="years")
    if d > n:
        raise PensionError("bad_value", f"deemed_years ({deemed_years}) cannot exceed years "
                           f"({years})", field="deemed_years")
    if months < 1:
        raise PensionError("bad_value", f"payment_months must be at least 1, got "
                           f"{payment_months}", field="payment_months")
    rate = params.get("basic_pension_rate", as_of)
    coeff = params.get("transitional_coefficient", as_of)
    r, k = to_decimal(rate.value), to_decimal(coeff.value)
    basic = round_fen(c * (1 + i) / 2 * n * r)
    account = round_fen(balance / months)
    transitional = round_fen(c * i * d * k)
    total = basic + account + transitional
    steps = (
        Step("basic", "C × (1 + I) ÷ 2 × N × 1%",
             (Q(c, "amount"), "× (1 +", Q(i, "index"), ") ÷ 2 ×", Q(n, "years"), "×",
              Q(r, "rate")), Q(basic, "money"), "yuan/month"),
        Step("personal_account", "balance ÷ payment months",
             (Q(balance, "money"), "÷", Q(months, "months")), Q(account, "money"), "yuan/month"),
        Step("transitional", "C × I × deemed years × 1.3%",
             (Q(c, "amount"), "×", Q(i, "index"), "×", Q(d, "years"), "×", Q(k, "rate")),
             Q(transitional, "money"), "yuan/month"),
        Step("total", "basic + personal account + transitional",
             (Q(basic, "money"), "+", Q(account, "money"), "+", Q(transitional, "money")),
             Q(total, "money"), "yuan/month"),
    )
    outputs = {"basic": basic, "personal_account": account, "transitional": transitional,
               "total": total}
    return Result("pension-estimate", outputs, steps, (*extra_params, rate.use, coeff.use))
