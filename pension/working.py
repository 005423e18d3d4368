"""The shape of a rule's answer: outputs plus the working that shows how they were obtained.

A :class:`Result` holds
- ``outputs``: the named answers (Decimal money, ints, strings, nested dicts), as VECTORS.md
  names them; ``extras``: further answers a rule gives (shown with ``--working``);
- ``steps``: one :class:`Step` per calculation, each a formula id, the numbers put in (in
  order, with operators between them) and the result, so a page can print
  "4,311 × 20% = 862.20 元/月" in either language;
- ``params``: every parameter value used, with its source and flags.
Pages and the CLI format these; this module never formats for a language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .params import ParamUse

# Kinds of quantity, so a renderer knows how to print them.
#   money: yuan, always 2 decimals; amount: yuan as given (whole yuan without decimals);
#   rate: a fraction printed as a percent; months, years, age, count, index, number: as is.
KINDS = ("money", "amount", "rate", "months", "years", "count", "index", "number", "text")


@dataclass(frozen=True)
class Q:
    """A number in the working, with the kind that says how to print it."""

    value: Decimal | int | str
    kind: str = "number"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {"value": jsonable(self.value), "kind": self.kind}


@dataclass(frozen=True)
class Step:
    """One line of working: ``terms`` (numbers and operators) = ``result`` in ``unit``.

    ``name`` is a stable id ("monthly", "basic"...) that renderers map to words;
    ``formula`` is the symbolic form in English names, for developers and the JSON output.
    """

    name: str
    formula: str
    terms: tuple[Q | str, ...]
    result: Q
    unit: str = ""
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form."""
        return {
            "name": self.name,
            "formula": self.formula,
            "terms": [t.to_dict() if isinstance(t, Q) else t for t in self.terms],
            "result": self.result.to_dict(),
            "unit": self.unit,
            "note": self.note,
        }


@dataclass(frozen=True)
class Result:
    """What every rule returns."""

    rule: str
    outputs: dict[str, Any]
    steps: tuple[Step, ...] = ()
    params: tuple[ParamUse, ...] = field(default=())
    extras: dict[str, Any] = field(default_factory=dict)

    def unverified(self) -> list[ParamUse]:
        """The parameter values used that the fact sheet marks as not verified."""
        return [p for p in self.params if not p.verified]

    def all_outputs(self) -> dict[str, Any]:
        """The contract outputs plus the extra answers (e.g. the flexible window)."""
        return {**self.outputs, **self.extras}

    def to_dict(self, working: bool = False) -> dict[str, Any]:
        """The contract outputs as JSON-safe data (exactly the VECTORS.md keys); with
        ``working`` also the extra answers, the steps and the parameters used."""
        out = jsonable(self.all_outputs() if working else self.outputs)
        if working:
            out["working"] = {
                "steps": [s.to_dict() for s in self.steps],
                "parameters": [p.to_dict() for p in self.params],
            }
        return out


def jsonable(value: Any) -> Any:
    """Decimals become JSON numbers (floats keep their digits: 862.20 -> 862.2)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent == 0 \
            else float(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def merge_params(*groups: tuple[ParamUse, ...] | list[ParamUse]) -> tuple[ParamUse, ...]:
    """Join parameter records from several results, dropping exact repeats, keeping order."""
    seen: list[ParamUse] = []
    for group in groups:
        for use in group:
            if use not in seen:
                seen.append(use)
    return tuple(seen)
