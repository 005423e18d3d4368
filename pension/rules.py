"""The rule registry: CLI / page names -> functions that take a plain JSON-like input.

Each entry lists its input fields with a type, so bad input is refused with a stable code
(``missing_field``, ``bad_type``, ``unknown_field``) before any rule runs. Numbers may be
given as JSON numbers or numeric strings; whole numbers must be JSON integers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .annuity import annuity_check
from .compare import compare_later
from .contributions import employee_contribution, flexible_contribution, flexible_year, tier_base
from .errors import PensionError
from .estimate import pension_estimate
from .flexible_plan import flexible_plan
from .guided import guided_estimate
from .leave_mid_year import leave_mid_year
from .leave_tiers import leave_mid_year_tiers
from .min_years import min_contribution
from .money import LARGEST_INPUT, to_decimal
from .params import ParameterSet
from .payment_months import payment_months
from .personal_pension import personal_pension
from .projection import account_projection
from .retirement import retirement_age
from .retirement_options import retirement_options
from .scenarios import guided_scenarios
from .subsidy import hardship_subsidy
from .working import Result


@dataclass(frozen=True)
class Rule:
    """A rule's function and its input fields: name -> (type, required)."""

    func: Callable[..., Result]
    fields: Mapping[str, tuple[str, bool]]


def _fields(required: str, optional: str = "") -> dict[str, tuple[str, bool]]:
    out: dict[str, tuple[str, bool]] = {}
    for group, needed in ((required, True), (optional, False)):
        for item in group.split():
            name, kind = item.split(":")
            out[name] = (kind, needed)
    return out


RULES: dict[str, Rule] = {
    "retirement-age": Rule(retirement_age, _fields("birth:str category:str")),
    "min-contribution": Rule(min_contribution, _fields("year:int")),
    "payment-months": Rule(payment_months, _fields("years:int months:int")),
    "flexible-contribution": Rule(flexible_contribution, _fields("year:int base:num")),
    "tier-base": Rule(tier_base, _fields("year:int percent:int")),
    "flexible-year": Rule(flexible_year, _fields("year:int changes:list", "last_month:int")),
    "flexible-plan": Rule(flexible_plan, _fields("year:int", "base:num tier:int changes:list")),
    "leave-mid-year": Rule(leave_mid_year, _fields("year:int leave_month:int",
                                                   "base:num last_paid_month:int tier:int")),
    "leave-mid-year-tiers": Rule(leave_mid_year_tiers, _fields(
        "year:int leave_month:int tiers:list", "base:num last_paid_month:int tier:int")),
    "employee-contribution": Rule(employee_contribution, _fields("year:int wage:num")),
    "hardship-subsidy": Rule(hardship_subsidy, _fields("year:int base:num", "months:int")),
    "pension-estimate": Rule(pension_estimate, _fields(
        "jifa_base:num index:num years:num deemed_years:num account_balance:num "
        "payment_months:num")),
    "guided-estimate": Rule(guided_estimate, _fields(
        "birth:str category:str paid:num tier:int", "balance:num retire:str")),
    "guided-scenarios": Rule(guided_scenarios, _fields(
        "birth:str category:str paid:num tier:int tiers:list", "balance:num")),
    "retirement-options": Rule(retirement_options, _fields("birth:str category:str")),
    "account-projection": Rule(account_projection, _fields(
        "years:int monthly_base:num", "interest_rate:num start_balance:num rate_year:int")),
    "compare-later": Rule(compare_later, _fields(
        "birth:str category:str jifa_base:num index:num years:num deemed_years:num "
        "account_balance:num monthly_base:num", "interest_rate:num extra_years:int rate_year:int")),
    "personal-pension": Rule(personal_pension, _fields(
        "year:int contribution:num marginal_rate:num", "withdrawal:num")),
    "annuity-check": Rule(annuity_check, _fields(
        "year:int payroll:num employer_rate:num employee_rate:num")),
}


# The working steps each rule may report, by name: a page ships only those steps' words
# (hooks/render/calculators.py). tests/test_rules_steps.py holds every rule to its list.
STEPS: dict[str, tuple[str, ...]] = {rule: tuple(names.split()) for rule, names in {
    "retirement-age": "delay new_age retire_month earliest_age latest_age min_months",
    "min-contribution": "min_months",
    "payment-months": "payment_months_whole payment_months_interpolated",
    "flexible-contribution": "monthly quarterly yearly account_monthly",
    "tier-base": "tier_base",
    "flexible-year": "monthly segment year_total",
    "flexible-plan": "tier_base monthly quarterly yearly account_monthly segment year_total",
    "leave-mid-year": "tier_base months_to_declare monthly leave_total",
    "leave-mid-year-tiers": "tier_base months_to_declare monthly leave_total",
    "employee-contribution": "clamp employer employee total",
    "hardship-subsidy": "monthly paid subsidy_max net_cost",
    "pension-estimate": "basic personal_account transitional total",
    "guided-estimate": "tier_base payment_months_whole payment_months_interpolated yearly_credit "
                       "projection_year basic personal_account transitional total",
    "guided-scenarios": "monthly",
    "retirement-options": "delay new_age retire_month earliest_age latest_age min_months "
                          "payment_months_whole payment_months_interpolated",
    "account-projection": "yearly_credit projection_year",
    "compare-later": "payment_months_whole payment_months_interpolated yearly_credit projection_year "
                     "basic personal_account transitional total",
    "personal-pension": "deductible tax_saving withdrawal_tax net_effect",
    "annuity-check": "annuity_employer annuity_employee annuity_employer_max annuity_total_max",
}.items()}


# The rules a composite rule runs: a worked example of one of them opens the calculator that
# runs the composite (hooks/render/examples.py), when its inputs are that calculator's fields.
PARTS: dict[str, tuple[str, ...]] = {
    "flexible-plan": ("tier-base", "flexible-contribution", "flexible-year"),
}


def _check(name: str, kind: str, value: Any) -> Any:
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise PensionError("bad_type", f"{name} must be a whole number, got {value!r}",
                               field=name)
    elif kind == "num":
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise PensionError("bad_type", f"{name} must be a number, got {value!r}", field=name)
        try:
            number = to_decimal(value)
        except TypeError as exc:
            raise PensionError("bad_type", f"{name} must be a number, got {value!r}",
                               field=name) from exc
        if abs(number) > LARGEST_INPUT:
            raise PensionError("too_large", f"{name} is too large: {value!r}; it must be at most "
                               f"{LARGEST_INPUT:,}", field=name, largest=LARGEST_INPUT)
        return number
    elif kind == "str" and not isinstance(value, str):
        raise PensionError("bad_type", f"{name} must be a string, got {value!r}", field=name)
    elif kind == "list" and not isinstance(value, list):
        raise PensionError("bad_type", f"{name} must be a list, got {value!r}", field=name)
    return value


def run(params: ParameterSet, rule: str, data: object) -> Result:
    """Check ``data`` against the rule's fields, then run the rule."""
    if rule not in RULES:
        raise PensionError("unknown_rule", f"no rule {rule!r}; known: {', '.join(RULES)}")
    if not isinstance(data, Mapping):
        raise PensionError("bad_input", "the input must be a JSON object")
    spec = RULES[rule]
    unknown = sorted(set(data) - set(spec.fields))
    if unknown:
        raise PensionError("unknown_field", f"{rule} does not take {', '.join(unknown)}",
                           field=unknown[0])
    kwargs: dict[str, Any] = {}
    for name, (kind, needed) in spec.fields.items():
        if name not in data or data[name] is None:
            if needed:
                raise PensionError("missing_field", f"{rule} needs {name!r}", field=name)
            continue
        kwargs[name] = _check(name, kind, data[name])
    try:
        return spec.func(params, **kwargs)
    except PensionError as exc:
        raise _name_the_input(exc, data) from None


def _name_the_input(exc: PensionError, data: Mapping[str, Any]) -> PensionError:
    """A parameter has no value for the year asked: say which input gave that year."""
    asked, first, last = (exc.details.get(k) for k in ("asked", "first", "last"))
    if exc.code != "year_out_of_range" or asked is None or "field" in exc.details:
        return exc
    fields = [k for k, v in data.items() if v == asked and not isinstance(v, bool)]
    if not fields:
        return exc
    what = exc.details.get("parameter", "figures")
    message = (f"{fields[0]}: {asked} is outside {first}–{last}, the years this site has "
               f"{what.replace('_', ' ')} for")
    return PensionError(exc.code, message, **{**exc.details, "field": fields[0]})
