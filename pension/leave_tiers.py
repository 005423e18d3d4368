"""What the job leaver's months would cost at each tier (Anhui opinions, clause （四）).

Input: the job leaver's own input (``leave_mid_year``: year, leave_month, optional
last_paid_month, base or tier) and ``tiers``, the tiers to compare (the list lives in
data/calculators.yml, so the page and the CLI pass it in). Each row is one run of
``leave_mid_year`` at one tier: ``key`` ``tier:<percent>``, the tier, its ``base``, the
``monthly`` cost and the ``total`` for the months to declare, ``own`` (this is the reader's
case) and ``difference`` (total − the reader's own total; null when the reader gave no base).

The reader's own row: the tier row with the reader's base; a base typed in yuan that is no
tier's base gets a row of its own, ``key`` ``own`` and ``tier`` null, in base order. With no
month to declare there is nothing to compare: no rows.
"""

from __future__ import annotations

from .errors import PensionError
from .leave_mid_year import leave_mid_year
from .params import ParameterSet
from .scenarios import checked_tiers
from .working import Result, merge_params


def leave_mid_year_tiers(params: ParameterSet, year: int, leave_month: int, tiers: list,
                         base: object | None = None, last_paid_month: int | None = None,
                         tier: int | None = None) -> Result:
    """One row per tier (and the reader's own base), each against the reader's own total."""
    own = leave_mid_year(params, year, leave_month, base, last_paid_month, tier)
    wanted = checked_tiers(tiers)
    own_base = own.extras.get("base")
    own_total = None if own_base is None else own.outputs["total"]
    uses = [own.params]

    def row(key: str, percent: int | None, found: Result) -> dict[str, object]:
        total = found.outputs["total"]
        return {"key": key, "tier": percent, "base": found.extras["base"],
                "monthly": found.outputs["monthly"], "total": total,
                "own": found.extras["base"] == own_base,
                "difference": None if own_total is None else total - own_total}

    rows = []
    if own.outputs["month_count"]:
        for t in sorted({*wanted, *([] if tier is None else [tier])}):
            try:
                found = leave_mid_year(params, year, leave_month, None, last_paid_month, t)
            except PensionError as exc:   # a tier of the list outside that year's range
                raise PensionError(exc.code, exc.message,
                                   **{**exc.details, "field": "tiers"}) from None
            uses.append(found.params)
            rows.append(row(f"tier:{t}", t, found))
        if own_base is not None and not any(r["own"] for r in rows):
            rows.append(row("own", None, own))
            rows.sort(key=lambda r: r["base"])
    return Result("leave-mid-year-tiers", {"tiers": rows}, own.steps, merge_params(*uses),
                  {"own_base": own_base, "own_total": own_total})


__all__ = ["leave_mid_year_tiers"]
