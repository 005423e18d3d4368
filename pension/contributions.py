"""Contributions: flexible workers (20 %, 8 % to the account) and employees (16 % + 8 %).

Rounding: each monthly amount is rounded half up to the fen; quarterly, yearly and segment
totals are whole multiples of the rounded monthly amount (what the tax bureau bills).
Base limits are that contribution year's published limits, inclusive.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import PensionError
from .money import round_fen, round_yuan, to_decimal
from .params import ParameterSet, ParamUse
from .working import Q, Result, Step, merge_params


def limits(params: ParameterSet, year: int) -> tuple[Decimal, Decimal, ParamUse]:
    """The lower and upper monthly base limits for contribution year ``year``."""
    found = params.get("contribution_base_limits", year)
    return to_decimal(found.value["lower"]), to_decimal(found.value["upper"]), found.use


def tier_base(params: ParameterSet, year: int, percent: int) -> Result:
    """The monthly base of a tier (percent of the average wage), to the yuan, half up.

    tier = yearly average × percent ÷ 100 ÷ 12. With the worked-back averages this gives the
    published limits exactly at 60 % and 300 % (tests check every year).
    """
    tiers = params.get("tier_range", f"{year}-01-01")
    if not tiers.value["min"] <= percent <= tiers.value["max"]:
        low, high = tiers.value["min"], tiers.value["max"]
        raise PensionError("tier_out_of_range", f"the {year} tier must be {low}–{high} %, got "
                           f"{percent}", min=low, max=high, year=year, field="percent")
    average = params.get("contribution_average_wage", year)
    yearly = to_decimal(average.value)
    base = round_yuan(yearly * percent / Decimal(100) / Decimal(12))
    step = Step("tier_base", "yearly average × tier ÷ 12, to the yuan",
                (Q(yearly, "amount"), "×", Q(Decimal(percent) / 100, "rate"), "÷ 12"),
                Q(base, "amount"), "yuan/month")
    return Result("tier-base", {"base": base, "percent": percent}, (step,),
                  (tiers.use, average.use))


def _check_base(params: ParameterSet, year: int, base: Decimal) -> ParamUse:
    lower, upper, use = limits(params, year)
    if not lower <= base <= upper:
        raise PensionError(
            "base_out_of_range",
            f"the {year} base must be between {lower} and {upper} yuan a month, got {base}",
            lower=lower, upper=upper, year=year, field="base")
    return use


def flexible_contribution(params: ParameterSet, year: int, base: object) -> Result:
    """Monthly, quarterly, yearly and personal-account amounts for one base in one year."""
    amount = to_decimal(base)
    limit_use = _check_base(params, year, amount)
    rate = params.get("flexible_rate", year)
    account = params.get("flexible_account_rate", year)
    r, a = to_decimal(rate.value), to_decimal(account.value)
    monthly = round_fen(amount * r)
    account_monthly = round_fen(amount * a)
    outputs = {"monthly": monthly, "quarterly": monthly * 3, "yearly": monthly * 12,
               "personal_account_monthly": account_monthly}
    steps = (
        Step("monthly", "base × flexible rate", (Q(amount, "amount"), "×", Q(r, "rate")),
             Q(monthly, "money"), "yuan/month"),
        Step("quarterly", "monthly × 3", (Q(monthly, "money"), "× 3"), Q(monthly * 3, "money"),
             "yuan/quarter"),
        Step("yearly", "monthly × 12", (Q(monthly, "money"), "× 12"),
             Q(monthly * 12, "money"), "yuan/year"),
        Step("account_monthly", "base × account rate", (Q(amount, "amount"), "×", Q(a, "rate")),
             Q(account_monthly, "money"), "yuan/month"),
    )
    return Result("flexible-contribution", outputs, steps,
                  (limit_use, rate.use, account.use))


def flexible_year(params: ParameterSet, year: int, changes: list[dict[str, object]],
                  last_month: int = 12) -> Result:
    """A year in which the base changes: each {from_month, base} runs to the next change.

    Months before the first ``from_month`` are not paid. The year's total is the sum of
    (rounded monthly amount × months) over the segments.
    """
    if not isinstance(changes, list) or not changes:
        raise PensionError("missing_field", "changes must be a non-empty list", field="changes")
    starts: list[int] = []
    for change in changes:
        if not isinstance(change, dict) or "from_month" not in change or "base" not in change:
            raise PensionError("missing_field", "each change needs from_month and base",
                               field="changes")
        month = change["from_month"]
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            raise PensionError("bad_month", f"from_month must be 1–12, got {month!r}",
                               field="changes")
        starts.append(month)
    if starts != sorted(set(starts)):
        raise PensionError("bad_month", "from_month values must increase", field="changes")
    ends = [*starts[1:], last_month + 1]
    segments, steps, uses = [], [], []
    total = account_total = Decimal(0)
    for number, (change, start, end) in enumerate(zip(changes, starts, ends, strict=True)):
        try:
            one = flexible_contribution(params, year, change["base"])
        except PensionError as exc:  # say which change: the page marks that row
            if exc.code != "base_out_of_range":
                raise
            raise PensionError(exc.code, f"changes[{number}]: {exc.message}",
                               **{**exc.details, "field": "changes", "change": number}) from None
        count = end - start
        subtotal = one.outputs["monthly"] * count
        account = one.outputs["personal_account_monthly"] * count
        total += subtotal
        account_total += account
        segments.append({"from_month": start, "to_month": end - 1, "months": count,
                         "base": to_decimal(change["base"]), "monthly": one.outputs["monthly"],
                         "subtotal": subtotal})
        steps.append(one.steps[0])
        steps.append(Step("segment", "monthly × months", (Q(one.outputs["monthly"], "money"),
                          "×", Q(count, "months")), Q(subtotal, "money"), "yuan"))
        uses.append(one.params)
    months = sum(s["months"] for s in segments)
    steps.append(Step("year_total", "sum of the segments",
                      tuple(_plus([Q(s["subtotal"], "money") for s in segments])),
                      Q(total, "money"), "yuan"))
    return Result("flexible-year", {"segments": segments, "months": months, "total": total,
                                    "personal_account_total": account_total},
                  tuple(steps), merge_params(*uses))


def _plus(items: list[Q]) -> list[Q | str]:
    out: list[Q | str] = []
    for item in items:
        if out:
            out.append("+")
        out.append(item)
    return out


def employee_contribution(params: ParameterSet, year: int, wage: object) -> Result:
    """Employer 16 % and employee 8 % of the wage clamped to the year's limits."""
    amount = to_decimal(wage)
    if amount < 0:
        raise PensionError("bad_value", f"wage must not be negative, got {amount}", field="wage")
    lower, upper, limit_use = limits(params, year)
    base = min(max(amount, lower), upper)
    clamped = "lower" if amount < lower else "upper" if amount > upper else None
    employer = params.get("employer_rate", year)
    employee = params.get("employee_rate", year)
    er, ee = to_decimal(employer.value), to_decimal(employee.value)
    employer_part, employee_part = round_fen(base * er), round_fen(base * ee)
    outputs = {"base": base, "clamped": clamped, "employer": employer_part,
               "employee": employee_part, "total": employer_part + employee_part}
    steps = (
        Step("clamp", "base = wage, kept between the lower and upper limits",
             (Q(amount, "amount"), "→", Q(lower, "amount"), "–", Q(upper, "amount")),
             Q(base, "amount"), "yuan/month"),
        Step("employer", "base × employer rate", (Q(base, "amount"), "×", Q(er, "rate")),
             Q(employer_part, "money"), "yuan/month"),
        Step("employee", "base × employee rate", (Q(base, "amount"), "×", Q(ee, "rate")),
             Q(employee_part, "money"), "yuan/month"),
        Step("total", "employer + employee", (Q(employer_part, "money"), "+",
                                               Q(employee_part, "money")),
             Q(employer_part + employee_part, "money"), "yuan/month"),
    )
    # The limits the wage was held to, for the sentence that says whether it was raised or cut.
    return Result("employee-contribution", outputs, steps, (limit_use, employer.use, employee.use),
                  {"lower": lower, "upper": upper})
