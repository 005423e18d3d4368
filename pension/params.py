"""Dated, sourced parameters: the only place the rules get a number from.

``ParameterSet(mapping)`` takes the plain mapping that ``data/parameters.yml`` holds (the CLI
and the build load the file; this module never reads files). ``get(name, at)`` returns the
value in force at an explicit year or date together with a :class:`ParamUse` record (source,
confidence, verified flag) that each rule adds to its working, so an unverified value is
flagged wherever it is used.

Lookup rules:
- ``keyed_by: year``: the key must be a listed year.
- ``keyed_by: date``: the value with the latest start date on or before ``at``.
- Before the first key is always an error. After the last key is an error unless the
  parameter says ``latest_applies: true``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import PensionError
from .param_checks import CONFIDENCE, ParameterError, check_entry, check_key, check_spec, check_value

__all__ = ["CONFIDENCE", "Lookup", "ParamUse", "ParameterError", "ParameterSet", "to_browser_json"]
_FLAG_KEYS = ("source", "reference", "confidence", "verified", "note")


@dataclass(frozen=True)
class ParamUse:
    """One parameter value a rule used, with where it comes from and how sure we are."""

    name: str
    key: str
    value: Any
    unit: str
    source: str
    reference: Mapping[str, str] | None
    confidence: str
    verified: bool
    latest_applied: bool = False
    disputed: bool = False
    note: Mapping[str, str] | None = field(default=None)
    description: Mapping[str, str] | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe mapping of this record."""
        return {
            "name": self.name,
            "key": self.key,
            "value": _jsonable(self.value),
            "unit": self.unit,
            "source": self.source,
            "reference": dict(self.reference) if self.reference else None,
            "confidence": self.confidence,
            "verified": self.verified,
            "latest_applied": self.latest_applied,
            "disputed": self.disputed,
            "note": dict(self.note) if self.note else None,
            "description": dict(self.description) if self.description else None,
        }


@dataclass(frozen=True)
class Lookup:
    """A parameter value and the record of its use."""

    value: Any
    use: ParamUse


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _as_date_key(at: object) -> str:
    """Normalise a year, 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or date to 'YYYY-MM-DD'."""
    if isinstance(at, bool):
        raise PensionError("bad_type", f"not a year or date: {at!r}")
    if isinstance(at, int):
        return f"{at:04d}-01-01"
    if isinstance(at, dt.date):
        return at.isoformat()
    if isinstance(at, str):
        parts = at.split("-")
        if len(parts) == 1:
            return f"{int(parts[0]):04d}-01-01"
        if len(parts) == 2:
            return f"{int(parts[0]):04d}-{int(parts[1]):02d}-01"
        return dt.date.fromisoformat(at).isoformat()
    raise PensionError("bad_type", f"not a year or date: {at!r}")


class ParameterSet:
    """All parameters, checked once when built from a plain mapping."""

    def __init__(self, mapping: Mapping[str, Any]) -> None:
        if not isinstance(mapping, Mapping):
            raise ParameterError("(top level)", mapping, "a mapping with 'parameters'")
        params = mapping.get("parameters", mapping)
        if not isinstance(params, Mapping) or not params:
            raise ParameterError("parameters", params, "a non-empty mapping of parameters")
        self._params: dict[str, dict[str, Any]] = {}
        for name, spec in params.items():
            self._params[str(name)] = _check(str(name), spec)

    def names(self) -> list[str]:
        """The parameter names, in file order."""
        return list(self._params)

    def latest_year(self, name: str) -> int:
        """The latest year for which ``name`` has a value (its keys are years)."""
        return max(int(year) for year in self.spec(name)["values"])

    def spec(self, name: str) -> dict[str, Any]:
        """The checked description of one parameter (values normalised)."""
        if name not in self._params:
            raise PensionError("unknown_parameter", f"no parameter named {name!r}")
        return self._params[name]

    def get(self, name: str, at: int | str | dt.date) -> Lookup:
        """The value of ``name`` in force at year/date ``at``, with its use record."""
        spec = self.spec(name)
        keys = list(spec["values"])
        if spec["keyed_by"] == "year":
            year = at if isinstance(at, int) and not isinstance(at, bool) else int(
                _as_date_key(at)[:4])
            key, latest = self._pick_year(name, spec, keys, year)
        else:
            wanted = _as_date_key(at)
            earlier = [k for k in keys if k <= wanted]
            if not earlier:
                raise PensionError(
                    "year_out_of_range",
                    f"{name}: no value before {keys[0]} (asked for {wanted})",
                    parameter=name, first=keys[0])
            key, latest = max(earlier), False
        entry = spec["values"][key]
        use = ParamUse(
            name=name, key=str(key), value=entry["value"], unit=spec["unit"],
            source=entry["source"], reference=entry.get("reference"),
            confidence=entry["confidence"], verified=entry["verified"],
            latest_applied=latest, note=entry.get("note"), description=spec["description"])
        return Lookup(entry["value"], use)

    @staticmethod
    def _pick_year(name: str, spec: dict[str, Any], keys: list[Any],
                   year: int) -> tuple[int, bool]:
        if year in keys:
            return year, False
        first, last = min(keys), max(keys)
        if year > last and spec["latest_applies"]:
            return last, True
        raise PensionError(
            "year_out_of_range",
            f"{name}: known for {first}–{last}, not {year}",
            parameter=name, first=first, last=last, asked=year)


def _check(name: str, spec: Any) -> dict[str, Any]:
    """Validate one parameter and resolve each value's flags from the parameter defaults."""
    where = f"parameters.{name}"
    check_spec(where, spec)
    out: dict[Any, dict[str, Any]] = {}
    for raw_key, raw in spec["values"].items():
        path = f"{where}.values.{raw_key}"
        check_key(raw_key, spec["keyed_by"], path)
        key: Any = raw_key if spec["keyed_by"] == "year" else _as_date_key(raw_key)
        entry: dict[str, Any]
        if isinstance(raw, Mapping) and "value" in raw:
            entry = dict(raw)
            check_value(entry["value"], spec["unit"], f"{path}.value")
        else:
            entry = {"value": raw}
            check_value(raw, spec["unit"], path)
        for flag in _FLAG_KEYS:
            entry.setdefault(flag, spec.get(flag))
        check_entry(entry, path)
        if key in out:
            raise ParameterError(path, raw_key, "each date once (another key names the same day)")
        out[key] = entry
    checked = dict(spec)
    checked["values"] = dict(sorted(out.items()))
    checked["latest_applies"] = bool(spec.get("latest_applies", False))
    return checked


def to_browser_json(params: ParameterSet, names: Any = None) -> dict[str, Any]:
    """Every parameter (or those ``names``), flags resolved per value, as JSON-safe data for the
    browser calculators. The build passes the parameters data/calculators.yml lists, so the
    file carries none that no calculator uses.

    A later build step writes this to ``assets/parameters.json``, so the JavaScript reads the
    same numbers as the Python rules and no number is typed twice. Only what the calculators use:
    each value's wording of its source (``reference``) and its note stay out: the page lists the
    sources, the calculators never show a note, and the file is loaded on every calculator page.
    """
    out: dict[str, Any] = {}
    wanted = None if names is None else set(names)
    for name in params.names():
        if wanted is not None and name not in wanted:
            continue
        spec = params.spec(name)
        out[name] = {
            "description": dict(spec["description"]),
            "unit": spec["unit"],
            "keyed_by": spec["keyed_by"],
            "latest_applies": spec["latest_applies"],
            "disputed_ages": list(spec.get("disputed_ages", [])),
            "values": {
                str(key): {
                    "value": _jsonable(entry["value"]),
                    "source": entry["source"],
                    "confidence": entry["confidence"],
                    "verified": entry["verified"],
                }
                for key, entry in spec["values"].items()
            },
        }
    # Input bounds of the rules themselves (not policy figures), so the browser refuses what
    # the Python rules refuse without typing them twice.
    from .money import LARGEST_INPUT
    from .projection import MAX_YEARS
    return {"parameters": out, "limits": {"largest_input": str(LARGEST_INPUT),
                                          "projection_years": MAX_YEARS}}
