"""长缴多得、晚退多得: the pension at the statutory age against the same person retiring later.

Composes the other rules. Assumptions, returned in the outputs so pages can state them:
the same 计发基数 and contribution index in both cases; the later case adds ``extra_years``
of contributions on ``monthly_base`` to the account, projected at ``interest_rate`` (an
estimate, see projection.py). The later age may not pass the flexible-retirement limit.
"""

from __future__ import annotations

from .errors import PensionError
from .estimate import pension_estimate
from .money import to_decimal
from .params import ParameterSet
from .payment_months import payment_months
from .projection import account_projection
from .retirement import retirement_age
from .working import Result, merge_params
from .yearmonth import age_dict, format_ym, parse_ym


def compare_later(params: ParameterSet, birth: str, category: str, jifa_base: object,
                  index: object, years: object, deemed_years: object, account_balance: object,
                  monthly_base: object, interest_rate: object | None = None,
                  extra_years: int = 3, rate_year: int | None = None) -> Result:
    """Both cases with their parts, and how much more the later case pays each month."""
    ages = retirement_age(params, birth, category)
    statutory = ages.outputs["age"]["years"] * 12 + ages.outputs["age"]["months"]
    late_max = ages.extras["flexible"]["late_months"]
    if isinstance(extra_years, bool) or not isinstance(extra_years, int) \
            or not 1 <= extra_years * 12 <= late_max:
        raise PensionError("bad_value", f"extra_years must be 1–{late_max // 12}")
    later_age = statutory + extra_years * 12
    growth = account_projection(params, extra_years, monthly_base, interest_rate,
                                account_balance, rate_year=rate_year)
    cases = {}
    parts = [ages.params, growth.params]
    steps = []
    for name, age, n, balance in (
            ("statutory", statutory, to_decimal(years), to_decimal(account_balance)),
            ("later", later_age, to_decimal(years) + extra_years, growth.outputs["balance"])):
        pm = payment_months(params, age // 12, age % 12)
        est = pension_estimate(params, jifa_base, index, n, deemed_years, balance,
                               pm.outputs["months"])
        cases[name] = {"age": age_dict(age), "retire": format_ym(parse_ym(birth) + age),
                       "years": n, "account_balance": balance,
                       "payment_months": pm.outputs["months"], **est.outputs}
        parts += [pm.params, est.params]
        steps += [*pm.steps, *est.steps]
    outputs = {**cases, "difference": cases["later"]["total"] - cases["statutory"]["total"],
               "extra_years": extra_years, "estimate": True,
               "assumptions": {"jifa_base": to_decimal(jifa_base), "index": to_decimal(index),
                               "monthly_base": to_decimal(monthly_base),
                               "interest_rate": growth.outputs["interest_rate"]}}
    return Result("compare-later", outputs, (*steps[:5], *growth.steps, *steps[5:]),
                  merge_params(*parts))


__all__ = ["compare_later"]
