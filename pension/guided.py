"""The guided pension estimate: a few facts a person knows → the three parts of the pension.

Input: birth month, category, years paid so far, the base tier they pay at (percent of the
average wage) and, optionally, their account balance today and a retirement month inside their
flexible-retirement window (``retire``; without it, the statutory month). The scenarios under
an estimate (scenarios.py) call this once per tier and per retirement month. The calculator's guided mode
(docs/assets/js/calc/core.js, ``guidedEstimate``) composes the same rules in the same order;
tests/test_calculators_js.py checks that both give the same answer.

Assumptions, also stated on the calculator page: contributions every year from the latest
year with wage data until the retirement year, at that year's tier base; contribution index =
tier ÷ 100; the latest published 计发基数 and interest rate for every future year; no deemed
years (视同缴费年限).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .contributions import tier_base
from .errors import PensionError
from .estimate import pension_estimate, positive
from .params import ParameterSet
from .payment_months import payment_months
from .projection import MAX_YEARS, account_projection
from .retirement import retirement_age
from .working import Result, merge_params
from .yearmonth import age_dict, format_ym, parse_ym


def guided_estimate(params: ParameterSet, birth: str, category: str, paid: object, tier: int,
                    balance: object = None, retire: str | None = None) -> Result:
    """Retirement age, 计发月数, projected account balance and the estimated pension."""
    # A balance left out counts as 0; with years paid, the page says so (extras).
    balance_given = balance is not None
    balance = 0 if balance is None else balance
    ages = retirement_age(params, birth, category)
    if retire is not None:
        ages = _retire_in_window(ages, birth, retire)
    paid_years = positive("paid", paid)
    positive("balance", balance)
    start = params.latest_year("contribution_average_wage")
    retire_year = int(ages.outputs["retire"][:4])
    if retire_year < start:
        raise PensionError("already_retired", f"birth: someone born in {birth} reaches retirement "
                           f"in {ages.outputs['retire']}, before {start}, the latest year with "
                           "figures", field="birth", year=start)
    remaining = retire_year - start
    if remaining > MAX_YEARS:
        raise PensionError("too_far", f"birth: someone born in {birth} reaches retirement in "
                           f"{ages.outputs['retire']}, {remaining} years after {start} (the latest "
                           f"year with figures); this estimate looks at most {MAX_YEARS} years ahead",
                           field="birth", years=remaining, most=MAX_YEARS)
    age_now = start - int(birth[:4])
    if paid_years > max(age_now, 0):
        raise PensionError("paid_over_age", f"paid: {paid} years is more than the age of someone "
                           f"born in {birth} in {start} ({age_now})", field="paid", age=age_now,
                           year=start)
    try:
        base = tier_base(params, start, tier)
    except PensionError as exc:  # the guided form calls the tier "tier", not "percent"
        if exc.code != "tier_out_of_range":
            raise
        raise PensionError(exc.code, exc.message, **{**exc.details, "field": "tier"}) from None
    months = payment_months(params, ages.outputs["age"]["years"], ages.outputs["age"]["months"])
    growth = account_projection(params, remaining, base.outputs["base"], start_balance=balance,
                                rate_year=params.latest_year("account_interest_rate"))
    jifa_year = params.latest_year("jifa_base")
    jifa = params.get("jifa_base", jifa_year)
    years = paid_years + remaining
    estimate = pension_estimate(params, jifa.value, Decimal(tier) / 100, years, 0,
                                growth.outputs["balance"], months.outputs["months"],
                                extra_params=(jifa.use,))
    outputs = {"age": ages.outputs["age"], "retire": ages.outputs["retire"],
               "payment_months": months.outputs["months"], "balance": growth.outputs["balance"],
               **estimate.outputs}
    extras = {"start_year": start, "remaining": remaining, "monthly_base": base.outputs["base"],
              "yearly_credit": growth.outputs["yearly_credit"],
              "interest_rate": growth.outputs["interest_rate"], "jifa_year": jifa_year,
              "years": years, "tier": tier,
              # the minimum months for the retirement year, so the page can warn when short
              "min_contribution_months": ages.extras["min_contribution_months"],
              "below_min": ages.extras["min_contribution_months"] is not None
              and years * 12 < ages.extras["min_contribution_months"],
              "balance_assumed_zero": not balance_given and paid_years > 0}
    return Result("guided-estimate", outputs,
                  (*base.steps, *months.steps, *growth.steps, *estimate.steps),
                  merge_params(ages.params, base.params, months.params, growth.params,
                               estimate.params),
                  extras)


def _retire_in_window(ages: Result, birth: str, retire: str) -> Result:
    """The statutory answer with ``retire`` as the retirement month, once it is checked to be
    inside the flexible window (the minimum years stay those of the statutory year)."""
    flexible = ages.extras["flexible"]
    chosen = parse_ym(retire, "retire")
    earliest, latest = flexible["earliest_retire"], flexible["latest_retire"]
    if not parse_ym(earliest) <= chosen <= parse_ym(latest):
        raise PensionError("retire_out_of_window", f"retire: {retire} is outside the flexible "
                           f"window of someone born in {birth}, {earliest} to {latest}",
                           field="retire", earliest=earliest, latest=latest)
    outputs = {**ages.outputs, "age": age_dict(chosen - parse_ym(birth, "birth")),
               "retire": format_ym(chosen)}
    return replace(ages, outputs=outputs)


__all__ = ["guided_estimate"]
