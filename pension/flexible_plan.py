"""A flexible worker's year as the calculator asks it (Anhui opinions, clause （四）): a base
typed in yuan *or* picked as a tier, then what it costs, then optional changes of base during
the year. One rule so the page composes nothing: tier-base → flexible-contribution →
flexible-year, their steps in that order, one outputs dict and the parameters used.

Refusals name the page's field (``details.field``: base, tier or changes); for a change, also
``details.change``, its index in the list as given (the reader's order, not sorted).
"""

from __future__ import annotations

from decimal import Decimal

from .contributions import flexible_contribution, flexible_year, tier_base
from .errors import PensionError
from .money import to_decimal
from .params import ParameterSet, ParamUse
from .working import Result, Step, merge_params


def chosen_base(params: ParameterSet, year: int, base: object | None,
                tier: int | None) -> tuple[Decimal, tuple[Step, ...], tuple[ParamUse, ...]]:
    """The monthly base: as typed, or the tier's base (with tier-base's steps and parameters)."""
    if base is None and tier is None:
        raise PensionError("missing_field", "give a base in yuan or a tier", field="base")
    if base is not None and tier is not None:
        raise PensionError("bad_input", "give a base in yuan or a tier, not both", field="tier")
    if base is not None:
        return to_decimal(base), (), ()
    try:
        found = tier_base(params, year, tier)
    except PensionError as exc:  # the page's field is the tier, the rule's the percent
        if exc.details.get("field") != "percent":
            raise
        raise PensionError(exc.code, exc.message, **{**exc.details, "field": "tier"}) from None
    return found.outputs["base"], found.steps, found.params


def _checked_changes(changes: object) -> list[tuple[int, object]]:
    """(from_month, base) per change, in the order given; a change that cannot be used is
    refused with its index. Month 1 is the base's own month, so a change starts in 2–12."""
    if not isinstance(changes, list):
        raise PensionError("bad_type", "changes must be a list", field="changes")
    rows: list[tuple[int, object]] = []
    for number, change in enumerate(changes):
        if not isinstance(change, dict) or "from_month" not in change or "base" not in change:
            raise PensionError("missing_field", f"changes[{number}] needs from_month and base",
                               field="changes", change=number)
        month = change["from_month"]
        if isinstance(month, bool) or not isinstance(month, int) or not 2 <= month <= 12:
            raise PensionError("bad_month", f"changes[{number}]: from_month must be 2–12, got "
                               f"{month!r}", field="changes", change=number)
        if any(month == earlier for earlier, _ in rows):
            raise PensionError("bad_month", f"changes[{number}]: month {month} is changed twice",
                               field="changes", change=number, twice=True)
        rows.append((month, change["base"]))
    return rows


def flexible_plan(params: ParameterSet, year: int, base: object | None = None,
                  tier: int | None = None, changes: list | None = None) -> Result:
    """What a flexible worker pays in ``year`` for a base (or tier), and over the year when the
    base changes (``changes``: [{from_month, base}], any order)."""
    amount, steps, uses = chosen_base(params, year, base, tier)
    one = flexible_contribution(params, year, amount)
    outputs: dict[str, object] = {"base": amount, **one.outputs}
    steps += one.steps
    uses = merge_params(uses, one.params)
    rows = _checked_changes(changes) if changes is not None else []
    if rows:
        order = sorted(range(len(rows)), key=lambda i: rows[i][0])
        listed = [{"from_month": 1, "base": amount}]
        listed += [{"from_month": rows[i][0], "base": rows[i][1]} for i in order]
        try:
            whole = flexible_year(params, year, listed)
        except PensionError as exc:  # the rule counts the sorted list, the page the rows
            change = exc.details.get("change")
            if not change:
                raise
            raise PensionError(exc.code, exc.message,
                               **{**exc.details, "change": order[change - 1]}) from None
        outputs.update(whole.outputs)
        steps += whole.steps
        uses = merge_params(uses, whole.params)
    return Result("flexible-plan", outputs, steps, uses)
