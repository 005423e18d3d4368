"""Checks on one parameter of data/parameters.yml: its keys, flags, and every value by its unit.

Each problem raises :class:`ParameterError` with the key path (``parameters.employer_rate.values
.2019-05-01``), the value found and what was expected, so the build can name the file and key.
Generic rules, whatever the parameter: no null, no true/false, no NaN or infinity, no negative
number; a rate is a fraction 0..1 (0.2, never "20%"); a pair ``lower``/``upper`` or
``min``/``max`` is in order; a ``step…`` or ``…denominator`` is above 0;
text values are months "YYYY-MM" or days "MM-DD"; keys are years or dates in 1990..2100.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

CONFIDENCE = ("high", "medium", "low")
UNITS = ("rate", "percent", "yuan_per_month", "yuan_per_year", "months", "years", "month",
         "dates", "fraction", "table", "decimals")
SPEC_KEYS = {"description", "unit", "keyed_by", "latest_applies", "source", "reference",
             "confidence", "verified", "note", "values", "disputed_ages"}
ENTRY_KEYS = {"value", "source", "reference", "confidence", "verified", "note"}
YEARS = (1990, 2100)
# Pairs that must be in order (first ≤ second), wherever they appear in a value.
ORDERED_PAIRS = (("lower", "upper"), ("min", "max"))
MONTH = re.compile(r"^\d{4}-\d{2}$")
DAY = re.compile(r"^\d{2}-\d{2}$")


class ParameterError(ValueError):
    """A bad parameter: ``path`` inside data/parameters.yml, the ``value``, what was ``expected``."""

    def __init__(self, path: str, value: Any, expected: str) -> None:
        quiet = expected == "this key to be present" or (value is None and path.startswith("("))
        found = "" if quiet else f", got {value!r}"
        super().__init__(f"{path}: expected {expected}{found}")
        self.path, self.value, self.expected = path, value, expected


def check_text(value: Any, path: str) -> None:
    if not (isinstance(value, Mapping) and set(value) == {"zh", "en"}
            and all(isinstance(v, str) and v.strip() for v in value.values())):
        raise ParameterError(path, value, "a text with non-empty 'zh' and 'en'")


def check_spec(where: str, spec: Any) -> None:
    """The parameter's own keys and flags (the values are checked one by one later)."""
    if not isinstance(spec, Mapping):
        raise ParameterError(where, spec, "a mapping with description, unit, keyed_by, values…")
    unknown = sorted(set(spec) - SPEC_KEYS, key=str)
    if unknown:
        raise ParameterError(f"{where}.{unknown[0]}", spec[unknown[0]],
                             f"one of the known keys {sorted(SPEC_KEYS)}")
    for key in ("description", "unit", "keyed_by", "values", "confidence", "verified"):
        if key not in spec:
            raise ParameterError(f"{where}.{key}", None, "this key to be present")
    check_text(spec["description"], f"{where}.description")
    for key in ("reference", "note"):
        if spec.get(key) is not None:
            check_text(spec[key], f"{where}.{key}")
    if spec["unit"] not in UNITS:
        raise ParameterError(f"{where}.unit", spec["unit"], f"one of the units {list(UNITS)}")
    if spec["keyed_by"] not in ("year", "date"):
        raise ParameterError(f"{where}.keyed_by", spec["keyed_by"], "'year' or 'date'")
    if not isinstance(spec.get("latest_applies", False), bool):
        raise ParameterError(f"{where}.latest_applies", spec["latest_applies"], "true or false")
    ages = spec.get("disputed_ages", [])
    if not isinstance(ages, list) or not all(type(a) is int and 0 < a < 120 for a in ages):
        raise ParameterError(f"{where}.disputed_ages", ages, "a list of ages (whole numbers)")
    if not isinstance(spec["values"], Mapping) or not spec["values"]:
        raise ParameterError(f"{where}.values", spec["values"], "a non-empty mapping")


def check_key(raw_key: Any, keyed_by: str, path: str) -> None:
    """A year (keyed_by: year) or a date "YYYY-MM-DD" (keyed_by: date), in 1990..2100."""
    if keyed_by == "year":
        if type(raw_key) is not int or not YEARS[0] <= raw_key <= YEARS[1]:
            raise ParameterError(path, raw_key, f"a year {YEARS[0]}..{YEARS[1]}")
        return
    text = raw_key.isoformat() if isinstance(raw_key, dt.date) else raw_key
    try:
        day = dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        day = None
    if day is None or not YEARS[0] <= day.year <= YEARS[1]:
        raise ParameterError(path, raw_key, f"a date like \"2025-01-01\" in {YEARS[0]}..{YEARS[1]}")


def check_entry(entry: Mapping[str, Any], path: str) -> None:
    """One value's resolved flags."""
    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        raise ParameterError(f"{path}.{unknown[0]}", entry[unknown[0]],
                             f"one of the known keys {sorted(ENTRY_KEYS)}")
    if not isinstance(entry["source"], str) or not entry["source"]:
        raise ParameterError(f"{path}.source", entry["source"], "a source id from data/sources.yml")
    if entry["confidence"] not in CONFIDENCE:
        raise ParameterError(f"{path}.confidence", entry["confidence"], "high, medium or low")
    if not isinstance(entry["verified"], bool):
        raise ParameterError(f"{path}.verified", entry["verified"], "true or false")
    for key in ("reference", "note"):
        if entry.get(key) is not None:
            check_text(entry[key], f"{path}.{key}")


def check_value(value: Any, unit: str, path: str) -> None:
    """Every number and text inside one value, by the generic rules and the parameter's unit."""
    if isinstance(value, Mapping):
        if not value:
            raise ParameterError(path, value, "a value, not an empty mapping")
        for key, item in value.items():
            _check_divisor(key, item, f"{path}.{key}")
            check_value(item, unit, f"{path}.{key}")
        for low, high in ORDERED_PAIRS:
            if low in value and high in value and _number(value[low]) and _number(value[high]) \
                    and value[low] > value[high]:
                raise ParameterError(f"{path}.{low}", value[low],
                                     f"{low} at most {high} ({value[high]})")
        return
    if isinstance(value, list):
        raise ParameterError(path, value, "a number, a text date or a mapping, not a list")
    if isinstance(value, str):
        _check_date_text(value, unit, path)
        return
    if not _number(value):
        raise ParameterError(path, value, _what(unit))
    if not math.isfinite(value) or value < 0:
        raise ParameterError(path, value, f"{_what(unit)}, finite and not negative")
    if unit == "rate" and value > 1:
        raise ParameterError(path, value, "a rate as a fraction from 0 to 1 (0.16 for 16 %)")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _what(unit: str) -> str:
    if unit == "rate":
        return "a rate as a fraction from 0 to 1 (0.16 for 16 %)"
    return f"a number ({unit})"


def _check_divisor(key: Any, item: Any, path: str) -> None:
    # A step or a denominator of 0 would divide by zero or never advance.
    name = str(key)
    if (name.startswith("step") or name.endswith("denominator")) and _number(item) and item <= 0:
        raise ParameterError(path, item, "a number above 0")


def _check_date_text(value: str, unit: str, path: str) -> None:
    """Text values are months ("1996-01") or days of the year ("12-31"); nothing else."""
    try:
        if MONTH.match(value):
            year, month = map(int, value.split("-"))
            dt.date(year, month, 1)
            if YEARS[0] - 100 <= year <= YEARS[1]:
                return
        elif DAY.match(value):
            month, day = map(int, value.split("-"))
            dt.date(2024, month, day)   # a leap year, so 02-29 is a real day
            return
    except ValueError:
        pass
    if unit == "rate" or value.strip().endswith("%"):
        raise ParameterError(path, value, "a rate as a fraction from 0 to 1 (0.2 for 20 %), not text")
    raise ParameterError(path, value, "a number, a month \"YYYY-MM\" or a day \"MM-DD\"")
