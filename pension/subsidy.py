"""Social-insurance subsidy for flexible workers with employment difficulty (national rule).

The subsidy is at most 2/3 of the contributions actually paid (``hardship_subsidy``), for at
most 3 years; the worker pays first and is refunded. The cap is rounded down to the fen so it
never exceeds 2/3. Anhui's own amounts were not found: this is the national ceiling only.
"""

from __future__ import annotations

from decimal import Decimal

from .contributions import flexible_contribution
from .errors import PensionError
from .money import floor_fen
from .params import ParameterSet
from .working import Q, Result, Step, merge_params


def hardship_subsidy(params: ParameterSet, year: int, base: object, months: int = 12) -> Result:
    """What a year of flexible contributions costs and the most the subsidy can refund."""
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
        raise PensionError("bad_month", f"months must be 1–12, got {months!r}")
    one = flexible_contribution(params, year, base)
    rule = params.get("hardship_subsidy", year)
    num, den = int(rule.value["numerator"]), int(rule.value["denominator"])
    paid = one.outputs["monthly"] * months
    cap = floor_fen(paid * num / Decimal(den))
    outputs = {"paid": paid, "subsidy_max": cap, "net_cost_min": paid - cap,
               "max_years": int(rule.value["max_years"])}
    steps = (
        one.steps[0],
        Step("paid", "monthly × months", (Q(one.outputs["monthly"], "money"), "×",
                                          Q(months, "months")), Q(paid, "money"), "yuan"),
        Step("subsidy_max", "paid × 2 ÷ 3, rounded down to the fen",
             (Q(paid, "money"), "×", Q(num, "count"), "÷", Q(den, "count")),
             Q(cap, "money"), "yuan"),
        Step("net_cost", "paid − subsidy", (Q(paid, "money"), "−", Q(cap, "money")),
             Q(paid - cap, "money"), "yuan"),
    )
    return Result("hardship-subsidy", outputs, steps, merge_params(one.params, (rule.use,)))
