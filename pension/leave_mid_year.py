"""An employee who leaves a job mid-year (Anhui opinions, clause （四）).

The months of that year after the last month the employer paid may be declared as a
flexible worker by 31 December of the same year and paid by 30 June of the next year
(``leave_mid_year_deadlines``). Assumption, stated in the output: the employer paid up to
and including the month of leaving unless ``last_paid_month`` says otherwise. The base may be
given in yuan or as a tier (the job leaver's calculator offers both, as the flexible one does);
extras: the base used and the first month to declare (None when there is none).
"""

from __future__ import annotations

from decimal import Decimal

from .contributions import flexible_contribution
from .errors import PensionError
from .flexible_plan import chosen_base
from .params import ParameterSet
from .working import Q, Result, Step, merge_params


def leave_mid_year(params: ParameterSet, year: int, leave_month: int,
                   base: object | None = None, last_paid_month: int | None = None,
                   tier: int | None = None) -> Result:
    """Months to declare, the two deadlines and (with a base or tier) what the months cost."""
    last_paid = leave_month if last_paid_month is None else last_paid_month
    for name, value in (("leave_month", leave_month), ("last_paid_month", last_paid)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
            raise PensionError("bad_month", f"{name} must be 1–12, got {value!r}", field=name)
    try:
        rule = params.get("leave_mid_year_deadlines", year)
    except PensionError as exc:  # the deadlines start with the policy: name the year asked
        raise PensionError(exc.code, f"year: {exc.message}",
                           **{**exc.details, "field": "year", "asked": year}) from None
    months = [f"{year:04d}-{m:02d}" for m in range(last_paid + 1, 13)]
    outputs: dict[str, object] = {
        "months_to_declare": months,
        "month_count": len(months),
        "declare_by": f"{year:04d}-{rule.value['declare_by']}",
        "pay_by": f"{year + 1:04d}-{rule.value['pay_by_next_year']}",
        "last_paid_month": f"{year:04d}-{last_paid:02d}",
    }
    steps = [Step("months_to_declare", "12 − last month paid by the employer",
                  (Q(12, "count"), "−", Q(last_paid, "count")), Q(len(months), "months"),
                  "months")]
    uses = [(rule.use,)]
    extras: dict[str, object] = {"first_month": months[0] if months else None}
    if base is not None or tier is not None:
        amount, tier_steps, tier_uses = chosen_base(params, year, base, tier)
        steps[:0] = tier_steps
        uses.insert(0, tier_uses)
        one = flexible_contribution(params, year, amount)
        extras["base"] = amount
        monthly = one.outputs["monthly"]
        total = monthly * len(months)
        outputs.update(monthly=monthly, total=total)
        steps.append(one.steps[0])
        steps.append(Step("leave_total", "monthly × months to declare",
                          (Q(monthly, "money"), "×", Q(len(months), "months")),
                          Q(total, "money"), "yuan"))
        uses.append(one.params)
    elif not months:
        outputs.update(monthly=None, total=Decimal(0))
    return Result("leave-mid-year", outputs, tuple(steps), merge_params(*uses), extras)
