"""Every retirement option at a glance: the earliest, statutory and latest retirement month.

For each: the month, the age, 计发月数 at that age (payment_months.py) and the minimum
contribution months (min_years.py). Which year's minimum applies (fact sheet §2, §3):
- statutory and latest: the year the statutory age is reached (flexible late retirement does
  not raise the bar; confidence medium);
- earliest: the year of the early retirement itself, as the calculators the fact sheet saw do;
  the text of 人社部发〔2024〕94号 on this was not verified, so when that year is not the
  statutory year the row says ``min_verified: false`` and the page says so.
Early retirement needs the minimum years already paid.
A minimum for a year the data does not cover is null (as in retirement_age).
"""

from __future__ import annotations

from .errors import PensionError
from .min_years import min_contribution
from .params import ParameterSet
from .payment_months import payment_months
from .retirement import retirement_age
from .working import Result, merge_params


def retirement_options(params: ParameterSet, birth: str, category: str) -> Result:
    """Three rows: earliest, statutory, latest."""
    ages = retirement_age(params, birth, category)
    window = ages.extras["flexible"]
    statutory_year = int(ages.outputs["retire"][:4])
    rows, steps, uses = [], list(ages.steps), [ages.params]
    for option, retire, age, min_year in (
            ("earliest", window["earliest_retire"], window["earliest_age"],
             int(window["earliest_retire"][:4])),
            ("statutory", ages.outputs["retire"], ages.outputs["age"], statutory_year),
            ("latest", window["latest_retire"], window["latest_age"], statutory_year)):
        months = payment_months(params, age["years"], age["months"])
        minimum = None
        try:
            found = min_contribution(params, min_year)
            minimum = found.outputs["months"]
            uses.append(found.params)
        except PensionError as exc:
            if exc.code != "year_out_of_range":
                raise
        steps.extend(months.steps)
        uses.append(months.params)
        rows.append({"key": f"option:{option}", "option": option, "retire": retire, "age": age,
                     "payment_months": months.outputs["months"],
                     "min_contribution_months": minimum,
                     "min_contribution_year": min_year if minimum is not None else None,
                     "min_verified": min_year == statutory_year})
    return Result("retirement-options", {"options": rows}, tuple(steps), merge_params(*uses))


__all__ = ["retirement_options"]
