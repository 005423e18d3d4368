"""The reader's options under a guided pension estimate: other base tiers, other retirement months.

Input: the guided estimate's own input (birth, category, paid, tier, balance) and ``tiers``, the
tiers to compare (the list lives in data/calculators.yml, so the page and the CLI pass it in).
Each row is one run of ``guided_estimate`` with one thing changed:

- ``tiers``: the reader's tier and each of ``tiers`` (sorted, each once), retiring at the
  statutory month;
- ``retire_months``: at the reader's tier, each flexible retirement month from the earliest in
  steps of 12 months up to the latest, plus the statutory month and the latest. A month the
  estimate cannot work out (its year is before the latest year with figures, ``already_retired``,
  or too far ahead, ``too_far``) has no row.

Each row: ``key`` (``tier:<percent>`` or ``retire:<YYYY-MM>``), the tier, retirement month and
age, the three parts and ``total`` a month, and against the reader's own case (``own``: the
reader's tier at the statutory month):

- ``gain``: how much more (or less) pension a month;
- ``extra_paid``: how much more (less, when negative) the person pays in, counted as a flexible
  worker pays: the whole ``flexible_rate`` of the tier's base, for each month of the whole years
  the estimate counts (the same years as the projection: from the latest year with figures to
  the retirement year). An employee pays only part of this; their employer pays the rest;
- ``forgone``: the pension not received while working on after the reader's own retirement
  month (months later × the reader's own monthly total); 0 for an earlier month or another tier;
- ``payback_months``: how many months of ``gain`` it takes to get back ``extra_paid + forgone``,
  rounded up to a whole month; null when there is nothing to get back (that cost is 0 or less)
  or the option pays no more a month (``gain`` is 0 or less).

The estimate takes the tier as the average index of every year (index = tier ÷ 100), so a
tier row is the pension of someone whose every year was at that tier, while ``extra_paid``
counts only the years from the latest year with figures on. With many years already paid, the
real gain from changing tier now is smaller than the row shows; the page says so.
No interest, price rise or pension rise is counted in these comparisons: they compare yuan as
the estimate gives them.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal
from typing import Any

from .errors import PensionError
from .guided import guided_estimate
from .money import round_fen, to_decimal
from .params import ParameterSet
from .retirement import retirement_age
from .working import Q, Result, Step, merge_params
from .yearmonth import format_ym, parse_ym

SKIPPED = ("already_retired", "too_far")   # a retirement month the estimate cannot work out


def guided_scenarios(params: ParameterSet, birth: str, category: str, paid: object, tier: int,
                     tiers: list, balance: object = None) -> Result:
    """The tier rows and the retirement-month rows, each against the reader's own case."""
    own = guided_estimate(params, birth, category, paid, tier, balance)
    wanted = checked_tiers(tiers)
    start = own.extras["start_year"]
    rate = params.get("flexible_rate", f"{start}-01-01")
    r = to_decimal(rate.value)
    own_base = own.extras["monthly_base"]
    own_pay = round_fen(own_base * r)
    own_month = parse_ym(own.outputs["retire"])
    uses = [own.params, (rate.use,)]

    def row(key: str, found: Result, pay: Decimal) -> dict[str, Any]:
        out, extras = found.outputs, found.extras
        later = parse_ym(out["retire"]) - own_month
        extra_paid = pay * 12 * extras["remaining"] - own_pay * 12 * own.extras["remaining"]
        forgone = max(later, 0) * own.outputs["total"]
        gain = out["total"] - own.outputs["total"]
        cost = extra_paid + forgone
        payback = int((cost / gain).to_integral_value(rounding=ROUND_CEILING)) \
            if cost > 0 and gain > 0 else None
        uses.append(found.params)
        return {"key": key, "own": found is own, "tier": extras["tier"], "retire": out["retire"],
                "age": out["age"], "basic": out["basic"],
                "personal_account": out["personal_account"], "total": out["total"],
                "gain": gain, "extra_paid": extra_paid, "forgone": forgone,
                "payback_months": payback}

    tier_rows = []
    for t in sorted({tier, *wanted}):
        try:
            found = own if t == tier else guided_estimate(params, birth, category, paid, t, balance)
        except PensionError as exc:   # a tier of the list outside that year's range
            raise PensionError(exc.code, exc.message, **{**exc.details, "field": "tiers"}) from None
        tier_rows.append(row(f"tier:{t}", found, round_fen(found.extras["monthly_base"] * r)))
    month_rows = []
    for month in _months(params, birth, category):
        retire = format_ym(month)
        try:
            found = own if month == own_month else guided_estimate(
                params, birth, category, paid, tier, balance, retire=retire)
        except PensionError as exc:
            if exc.code in SKIPPED:
                continue
            raise
        month_rows.append(row(f"retire:{retire}", found, own_pay))
    step = Step("monthly", "base × flexible rate", (Q(own_base, "amount"), "×", Q(r, "rate")),
                Q(own_pay, "money"), "yuan/month")
    return Result("guided-scenarios", {"tiers": tier_rows, "retire_months": month_rows},
                  (step,), merge_params(*uses),
                  {"start_year": start, "flexible_rate": r, "monthly_contribution": own_pay,
                   "own_tier": tier, "own_retire": own.outputs["retire"]})


def checked_tiers(tiers: list) -> list[int]:
    if not tiers:
        raise PensionError("bad_value", "tiers must name at least one tier", field="tiers")
    for t in tiers:
        if isinstance(t, bool) or not isinstance(t, int):
            raise PensionError("bad_type", f"tiers: each tier must be a whole number, got {t!r}",
                               field="tiers")
    return list(tiers)


def _months(params: ParameterSet, birth: str, category: str) -> list[int]:
    """Earliest, earliest + 12, … up to the latest, with the statutory month and the latest."""
    ages = retirement_age(params, birth, category)
    window = ages.extras["flexible"]
    earliest, latest = parse_ym(window["earliest_retire"]), parse_ym(window["latest_retire"])
    return sorted({*range(earliest, latest + 1, 12), parse_ym(ages.outputs["retire"]), latest})


__all__ = ["checked_tiers", "guided_scenarios"]
