"""Enterprise annuity caps (《企业年金办法》 第十五条, ``annuity_caps``).

Employer contributions at most 8 % of total payroll a year; employer plus employees at most
12 %. Amounts are rounded half up to the fen.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import PensionError
from .money import round_fen, to_decimal
from .params import ParameterSet
from .working import Q, Result, Step


def annuity_check(params: ParameterSet, year: int, payroll: object, employer_rate: object,
                  employee_rate: object) -> Result:
    """Yearly amounts at the chosen rates and whether they are within the caps."""
    wages = to_decimal(payroll)
    er, ee = to_decimal(employer_rate), to_decimal(employee_rate)
    if wages <= 0 or not (Decimal(0) <= er < 1 and Decimal(0) <= ee < 1):
        raise PensionError("bad_value", "payroll must be > 0 and rates between 0 and 1")
    caps = params.get("annuity_caps", year)
    emax, tmax = to_decimal(caps.value["employer_max"]), to_decimal(caps.value["total_max"])
    employer, employee = round_fen(wages * er), round_fen(wages * ee)
    total = employer + employee
    outputs = {"employer": employer, "employee": employee, "total": total,
               "employer_max": round_fen(wages * emax), "total_max": round_fen(wages * tmax),
               "employer_ok": er <= emax, "total_ok": er + ee <= tmax}
    steps = (
        Step("annuity_employer", "payroll × employer rate",
             (Q(wages, "amount"), "×", Q(er, "rate")),
             Q(employer, "money"), "yuan/year"),
        Step("annuity_employee", "payroll × employee rate",
             (Q(wages, "amount"), "×", Q(ee, "rate")),
             Q(employee, "money"), "yuan/year"),
        Step("annuity_employer_max", "payroll × 8%", (Q(wages, "amount"), "×", Q(emax, "rate")),
             Q(outputs["employer_max"], "money"), "yuan/year"),
        Step("annuity_total_max", "payroll × 12%", (Q(wages, "amount"), "×", Q(tmax, "rate")),
             Q(outputs["total_max"], "money"), "yuan/year"),
    )
    return Result("annuity-check", outputs, steps, (caps.use,))
