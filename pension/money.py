"""Money and number helpers: the one place where rounding rules live.

Rounding is always half up (0.005 -> 0.01), at the points each rule documents:
``round_fen`` for yuan amounts, ``round_yuan`` for tier bases, ``round_1dp`` for 计发月数.
``floor_fen`` is used only for caps ("no more than"), so a cap never exceeds its limit.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
YUAN = Decimal("1")
ONE_DP = Decimal("0.1")
# No input a rule takes is anywhere near a billion (yuan, months, years or ratios); a bound keeps
# Decimal arithmetic (28 digits) from overflowing and lets the refusal name the field.
INPUT_LIMIT = Decimal("1000000000")
# The longest working life any rule projects or counts, in years (the account projection's range).
MAX_YEARS = 60


def to_decimal(value: object) -> Decimal:
    """Turn an int, str, float or Decimal into a Decimal, exactly as it is written.

    Floats go through ``str`` so 0.16 becomes Decimal("0.16"), not its binary expansion.
    """
    if isinstance(value, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float | str):
        try:
            result = Decimal(str(value).strip())
        except InvalidOperation as exc:
            raise TypeError(f"not a number: {value!r}") from exc
        if not result.is_finite():
            raise TypeError(f"not a finite number: {value!r}")
        return result
    raise TypeError(f"not a number: {value!r}")


def round_fen(amount: Decimal) -> Decimal:
    """Round a yuan amount half up to the fen (2 decimals)."""
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def floor_fen(amount: Decimal) -> Decimal:
    """Round a positive yuan amount down to the fen; used for 'at most' caps."""
    return amount.quantize(FEN, rounding=ROUND_DOWN)


def round_yuan(amount: Decimal) -> Decimal:
    """Round half up to the whole yuan (tier bases)."""
    return amount.quantize(YUAN, rounding=ROUND_HALF_UP)


def round_1dp(value: Decimal) -> Decimal:
    """Round half up to 1 decimal place (计发月数)."""
    return value.quantize(ONE_DP, rounding=ROUND_HALF_UP)
