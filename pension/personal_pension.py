"""Personal pension (个人养老金) tax effect, national rules (公告2024年第21号).

Contributions up to 12,000 yuan a year are deducted from taxable income, so the tax saved is
deductible × your marginal rate; withdrawals are taxed at 3 % on their own. Both amounts are
rounded half up to the fen. The marginal rate is the reader's input (no bracket table here).
"""

from __future__ import annotations

from decimal import Decimal

from .errors import PensionError
from .money import round_fen, to_decimal
from .params import ParameterSet
from .working import Q, Result, Step


def personal_pension(params: ParameterSet, year: int, contribution: object,
                     marginal_rate: object, withdrawal: object | None = None) -> Result:
    """Deductible amount, tax saved now, tax on withdrawal later, and the difference."""
    paid = to_decimal(contribution)
    rate = to_decimal(marginal_rate)
    if paid < 0 or not Decimal(0) <= rate < Decimal(1):
        raise PensionError("bad_value", "contribution must be ≥ 0 and marginal_rate 0–1")
    cap = params.get("personal_pension_cap", year)
    tax = params.get("personal_pension_withdrawal_tax", year)
    limit, t = to_decimal(cap.value), to_decimal(tax.value)
    deductible = min(paid, limit)
    taken = deductible if withdrawal is None else to_decimal(withdrawal)
    saving = round_fen(deductible * rate)
    withdrawal_tax = round_fen(taken * t)
    outputs = {"deductible": deductible, "capped": paid > limit, "tax_saving": saving,
               "withdrawal": taken, "withdrawal_tax": withdrawal_tax,
               "net_effect": saving - withdrawal_tax}
    steps = (
        Step("deductible", "the smaller of what you pay and the yearly cap",
             (Q(paid, "amount"), "→ ≤", Q(limit, "amount")), Q(deductible, "amount"), "yuan/year"),
        Step("tax_saving", "deductible × marginal rate",
             (Q(deductible, "amount"), "×", Q(rate, "rate")), Q(saving, "money"), "yuan"),
        Step("withdrawal_tax", "withdrawal × 3%", (Q(taken, "amount"), "×", Q(t, "rate")),
             Q(withdrawal_tax, "money"), "yuan"),
        Step("net_effect", "tax saved − tax on withdrawal",
             (Q(saving, "money"), "−", Q(withdrawal_tax, "money")),
             Q(saving - withdrawal_tax, "money"), "yuan"),
    )
    return Result("personal-pension", outputs, steps, (cap.use, tax.use))
