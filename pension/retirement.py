"""Statutory retirement age under the 2024 decision, and the flexible-retirement window.

Rule (办法 第一条, annexes 1–3; data in ``retirement_schedule``), in force from 2025-01-01:
for a birth month ``d`` months after the category's first affected birth month,
``delay = 0`` if ``d < 0`` else ``min(d // step + 1, max_delay)``. New age = original age +
delay; retirement month = birth month + new age. The day of birth never matters.

Flexible window (人社部发〔2024〕94号, ``flexible_retirement``): earliest =
max(original age, statutory age − 36 months); latest = statutory age + 36 months.
The minimum contribution months are those of the year the statutory age is reached.
"""

from __future__ import annotations

from .errors import PensionError
from .min_years import min_contribution
from .params import ParameterSet
from .working import Q, Result, Step, merge_params
from .yearmonth import age_dict, format_ym, parse_ym

CATEGORIES = ("male", "female55", "female50")
RULES_IN_FORCE = "2025-01-01"


def retirement_age(params: ParameterSet, birth: str, category: str) -> Result:
    """Statutory age, retirement month, delay, flexible window and minimum months."""
    if category not in CATEGORIES:
        raise PensionError("bad_category",
                           f"category must be one of {', '.join(CATEGORIES)}, got {category!r}",
                           field="category")
    born = parse_ym(birth, "birth")
    schedule = params.get("retirement_schedule", RULES_IN_FORCE)
    flexible = params.get("flexible_retirement", RULES_IN_FORCE)
    band = schedule.value[category]
    original = int(band["original_age"]) * 12
    offset = born - parse_ym(band["first_birth"], "first_birth")
    step = int(band["step_months"])
    cap = int(band["max_delay_months"])
    delay = 0 if offset < 0 else min(offset // step + 1, cap)
    statutory = original + delay
    retire = born + statutory
    max_late = int(flexible.value["max_late_months"])
    earliest = max(original, statutory - int(flexible.value["max_early_months"]))
    latest = statutory + max_late
    retire_year = retire // 12
    minimum = None
    uses = [schedule.use, flexible.use]
    min_steps: tuple[Step, ...] = ()
    try:  # the data covers the years from 2006 (before the reform) to 2039 and later
        mc = min_contribution(params, retire_year)
        minimum = mc.outputs["months"]
        uses.extend(mc.params)
        min_steps = mc.steps
    except PensionError as exc:
        if exc.code != "year_out_of_range":
            raise
    outputs = {
        "age": age_dict(statutory),
        "retire": format_ym(retire),
        "delay_months": delay,
    }
    extras = {
        "original_age": age_dict(original),
        "flexible": {
            "earliest_age": age_dict(earliest),
            "earliest_retire": format_ym(born + earliest),
            "early_months": statutory - earliest,
            "latest_age": age_dict(latest),
            "latest_retire": format_ym(born + latest),
            "late_months": latest - statutory,
        },
        "min_contribution_months": minimum,
        "min_contribution_year": retire_year if minimum is not None else None,
        # the first birth month the reform delays (the browser words "not affected" with it)
        "first_birth": band["first_birth"],
    }
    steps = (
        Step("delay", "delay = min(floor(months after first birth month / step) + 1, max)",
             (Q(max(offset, 0), "months"), "÷", Q(step, "months"), "+ 1, ≤", Q(cap, "months")),
             Q(delay, "months"), "months"),
        Step("new_age", "new age = original age + delay",
             (Q(original, "months"), "+", Q(delay, "months")), Q(statutory, "months"), "months"),
        Step("retire_month", "retirement month = birth month + new age",
             (Q(birth, "text"), "+", Q(statutory, "months")), Q(format_ym(retire), "text")),
        # The flexible window (the calculator shows it; its steps word it like any other).
        Step("earliest_age", "earliest = new age − months earlier (≤ max, not below the original age)",
             (Q(statutory, "months"), "−", Q(statutory - earliest, "months")), Q(earliest, "months"),
             "months"),
        Step("latest_age", "latest = new age + most months later",
             (Q(statutory, "months"), "+", Q(max_late, "months")), Q(latest, "months"), "months"),
        *min_steps,
    )
    return Result("retirement-age", outputs, steps, merge_params(uses), extras)
