"""Figures in prose: {{…}} placeholders that bind a number in a text to data/, filled at build time.

Prose in data/ (measures, FAQ, glossary, guides…) and the hand-written pages under docs/ never
type a parameter or a rule's result by hand; they name it, and this module writes it in:

    {{param:employee_rate}}                           8%      a parameter (date-keyed: its latest value)
    {{param:contribution_base_limits.lower@2025}}     4,311   a field of a year-keyed parameter, that year
    {{param:contribution_base_limits.lower@latest}}   4,354   … the latest year with a published value
    {{year:contribution_base_limits}}                 2026    that latest year itself
    {{source:contribution_base_limits@latest}}        皖人社秘〔2026〕113号 / Wanrenshemi [2026] No. 113:
                                                              the document number of that value's
                                                              source, without its note in brackets
    {{example:rider-hefei-quarterly.quarterly}}       2,586.60  a worked example's expected output
    {{rule:employee-contribution(year=2026, wage=6000).employee}}   480   a rule's output (pension/)
    {{rule:flexible-contribution(year=year:contribution_base_limits,
            base=param:contribution_base_limits.lower@latest).monthly}}   (one line in the text)
                                                              a rule input is a number or a
                                                              param:/year: reference as above

Formats are the same in both languages: a rate (unit rate or percent) as a percentage (0.08 → 8%,
0.0262 → 2.62%; the text writes no % of its own); an amount with thousands commas, and with two
decimals only when it has fen (4,311; 862.20; 480); a year as it is (2026).

Double braces, so a figure never clashes with the {name} placeholders code fills into interface
words (placeholders.py) or a Markdown attribute {#id}. site_data.load fills every text as it is
read (yaml_file.filling), so every check and page sees what a reader sees; the hand-written
pages are filled in on_page_markdown (hooks/events/generate_pages.py). A placeholder that does
not resolve stops the build with a DataError naming the file, key, placeholder and what was
expected. tests/test_numbers_trace.py checks that the prose binds its figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from hooks.load.languages import LANGS
from hooks.load.schema import DataError
from pension.errors import PensionError
from pension.params import ParameterError, ParameterSet
from pension.rules import RULES, run

KINDS = ("param", "year", "source", "example", "rule")
# A well-formed placeholder; anything else with {{ or }} is a mistake.
PLACEHOLDER = re.compile(r"\{\{([a-z]+):([^{}]*)\}\}")
BRACES = re.compile(r"\{\{|\}\}")
NAME = r"[a-z][a-z0-9_]*"
PARAM = re.compile(rf"^({NAME})((?:\.[A-Za-z0-9_]+)*)(?:@(\d{{4}}|latest))?$")
EXAMPLE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z_]+)$")
RULE = re.compile(r"^([a-z]+(?:-[a-z]+)*)\((.*)\)\.([a-z_]+)$")
ARG = re.compile(r"^([a-z_]+)=(.+)$")
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
RATE_UNITS = {"rate": 100, "percent": 1}          # shown as a percentage: the factor to apply
# A source's number may end with a note in brackets, full-width or not:
# "皖人社秘〔2025〕154号（据第三方引用）"; the placeholder shows the number without it.
SOURCE_NOTE = re.compile(r"\s*[(\uff08][^()\uff08\uff09]*[)\uff09]$")
SYNTAX = ("a figure placeholder: {{param:NAME[.FIELD][@YEAR|@latest]}}, {{year:NAME}}, "
          "{{source:NAME@YEAR|@latest}}, {{example:ID.OUTPUT}} or "
          "{{rule:RULE(NAME=VALUE, …).OUTPUT}} (hooks/load/figures.py)")


class FigureError(Exception):
    """A placeholder that does not resolve; .expected says what would."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(frozen=True)
class Figure:
    text: str                 # as the reader sees it
    uses: frozenset[tuple[str, str]]   # the (parameter, key) values it was computed from


class Figures:
    """Resolves placeholders against one set of parameters, sources and worked examples."""

    def __init__(self, parameters: dict | None, sources: dict[str, dict],
                 examples: list[dict], params_file: str = "data/parameters.yml") -> None:
        self.params: ParameterSet | None = None
        if parameters is not None:
            try:
                self.params = ParameterSet(parameters)
            except ParameterError as err:
                raise DataError(params_file, err.path, err.value, err.expected) from None
        self.sources = sources
        self.examples = {e.get("id"): e for e in examples if isinstance(e, dict)}

    # --- Filling ---------------------------------------------------------------------------

    def fill(self, text: str, lang: str | None, file: str, path: str) -> str:
        """text with every placeholder written in; DataError naming file and path if one fails."""
        if "{{" not in text and "}}" not in text:
            return text
        stray = BRACES.search(PLACEHOLDER.sub("", text))
        if stray:
            i = stray.start()
            rest = PLACEHOLDER.sub("", text)
            raise DataError(file, path, rest[max(0, i - 20):i + 30], SYNTAX)

        def one(match: re.Match) -> str:
            try:
                return self.figure(match.group(0), lang).text
            except FigureError as err:
                raise DataError(file, path, match.group(0), err.expected) from None
        return PLACEHOLDER.sub(one, text)

    def fill_tree(self, value: Any, file: str, path: str = "", lang: str | None = None) -> Any:
        """Every string in a parsed data file, filled in place; a text's language is the zh or en
        key it is under."""
        if isinstance(value, str):
            return self.fill(value, lang, file, path or "(top level)")
        if isinstance(value, list):
            return [self.fill_tree(v, file, f"{path}[{i}]", lang) for i, v in enumerate(value)]
        if isinstance(value, dict):
            return {k: self.fill_tree(v, file, f"{path}.{k}" if path else str(k),
                                      k if k in LANGS else lang)
                    for k, v in value.items()}
        return value

    # --- One placeholder -------------------------------------------------------------------

    def figure(self, placeholder: str, lang: str | None) -> Figure:
        match = PLACEHOLDER.fullmatch(placeholder)
        if not match or match.group(1) not in KINDS:
            raise FigureError(SYNTAX)
        kind, body = match.group(1), match.group(2).strip()
        if kind == "param":
            value, use, _ = self._lookup(body)
            return Figure(show(value, use.unit), frozenset({(use.name, use.key)}))
        if kind == "year":
            name = self._name(body)
            year = str(self._latest_year(name))
            return Figure(year, frozenset({(name, year)}))
        if kind == "source":
            return self._source(body, lang)
        if kind == "example":
            return self._example(body)
        return self._rule(body)

    def _name(self, name: str) -> str:
        if self.params is None:
            raise FigureError("a data/parameters.yml to take the figure from")
        if name not in self.params.names():
            raise FigureError(f"a parameter of data/parameters.yml "
                              f"({', '.join(self.params.names())})")
        return name

    def _latest_year(self, name: str) -> int:
        if self.params.spec(name)["keyed_by"] != "year":
            raise FigureError(f"a parameter keyed by year ({name} is keyed by date: use "
                              f"{{{{param:{name}}}}} for its latest value)")
        return self.params.latest_year(name)

    def _lookup(self, body: str, number: bool = True) -> tuple[Any, Any, str]:
        """(value, the ParamUse record, name) for NAME[.FIELD…][@YEAR|@latest]."""
        m = PARAM.match(body)
        if not m:
            raise FigureError("NAME[.FIELD][@YEAR|@latest], e.g. "
                              "contribution_base_limits.lower@2025")
        name, fields, at = self._name(m.group(1)), m.group(2), m.group(3)
        spec = self.params.spec(name)
        keys = list(spec["values"])
        if spec["keyed_by"] == "year":
            if at is None:
                raise FigureError(f"a year: {name} has one value a year ({keys[0]}–{keys[-1]}); "
                                  f"add @YEAR or @latest")
            year = self._latest_year(name) if at == "latest" else int(at)
            if year not in keys:
                raise FigureError(f"a year {name} has a value for "
                                  f"({', '.join(str(k) for k in keys)}), or @latest")
            lookup = self.params.get(name, year)
        else:
            try:
                lookup = self.params.get(name, keys[-1] if at in (None, "latest") else int(at))
            except PensionError:
                raise FigureError(f"a year from {keys[0][:4]} on ({name} starts "
                                  f"{keys[0]})") from None
        value = lookup.value
        for field in filter(None, fields.split(".")):
            key = int(field) if field.isdigit() and isinstance(value, dict) \
                and int(field) in value else field
            if not isinstance(value, dict) or key not in value:
                raise FigureError(f"a field of {name} ({', '.join(map(str, value))})"
                                  if isinstance(value, dict) else f"no field: {name} is a number")
            value = value[key]
        if isinstance(value, dict) and number:
            raise FigureError(f"one field of {name}: {name}.{next(iter(value))} "
                              f"({', '.join(map(str, value))})")
        return value, lookup.use, name

    def _source(self, body: str, lang: str | None) -> Figure:
        if lang is None:   # not under a zh: or en: key
            raise FigureError("a text under zh: or en: (a source is named in one language)")
        if "@" not in body or "." in body:
            raise FigureError("NAME@YEAR or NAME@latest, e.g. contribution_base_limits@latest")
        _, use, _ = self._lookup(body, number=False)
        number = (self.sources.get(use.source) or {}).get("number")
        if not isinstance(number, dict) or not isinstance(number.get(lang), str):
            raise FigureError(f"a value whose source has a document number ({use.source} "
                              f"in data/sources.yml has no number:)")
        return Figure(SOURCE_NOTE.sub("", number[lang]).strip(),
                      frozenset({(use.name, use.key)}))

    def _example(self, body: str) -> Figure:
        m = EXAMPLE.match(body)
        if not m:
            raise FigureError("EXAMPLE-ID.OUTPUT, e.g. rider-hefei-quarterly.monthly")
        example = self.examples.get(m.group(1))
        if example is None:
            raise FigureError(f"a worked example of data/examples.yml "
                              f"({', '.join(sorted(self.examples))})")
        expected = example.get("expected") or {}
        if m.group(2) not in expected or isinstance(expected[m.group(2)], dict | list | bool):
            raise FigureError(f"an expected figure of {m.group(1)} ({', '.join(expected)})")
        return Figure(show(expected[m.group(2)], None), frozenset())

    def _rule(self, body: str) -> Figure:
        m = RULE.match(body)
        if not m:
            raise FigureError("RULE(NAME=VALUE, …).OUTPUT, e.g. "
                              "employee-contribution(year=2026, wage=6000).employee")
        rule, args, output = m.groups()
        if rule not in RULES:
            raise FigureError(f"a rule of pension/rules.py ({', '.join(RULES)})")
        given: dict[str, Any] = {}
        uses: set[tuple[str, str]] = set()
        for arg in filter(None, (a.strip() for a in args.split(","))):
            a = ARG.match(arg)
            if not a:
                raise FigureError(f"NAME=VALUE inputs, got {arg!r}")
            given[a.group(1)], used = self._input(a.group(2).strip())
            uses |= used
        if self.params is None:
            raise FigureError("a data/parameters.yml for the rule to read")
        try:
            result = run(self.params, rule, given)
        except PensionError as err:
            raise FigureError(f"an input {rule} accepts: {err}") from None
        outputs = result.all_outputs()
        if output not in outputs or isinstance(outputs[output], dict | list | bool | str):
            raise FigureError(f"an output of {rule} ({', '.join(outputs)})")
        uses |= {(p.name, p.key) for p in result.params}
        return Figure(show(outputs[output], None), frozenset(uses))

    def _input(self, value: str) -> tuple[Any, set[tuple[str, str]]]:
        if NUMBER.match(value):
            return (int(value) if value.isdigit() else float(value)), set()
        if value.startswith("param:"):
            found, use, _ = self._lookup(value.removeprefix("param:"))
            return found, {(use.name, use.key)}
        if value.startswith("year:"):
            name = self._name(value.removeprefix("year:"))
            year = self._latest_year(name)
            return year, {(name, str(year))}
        raise FigureError(f"an input that is a number or a param:/year: reference, got {value!r}")


def show(value: Any, unit: str | None) -> str:
    """A figure as the prose writes it, the same in both languages."""
    number = Decimal(str(value))
    if unit in RATE_UNITS:
        percent = (number * RATE_UNITS[unit]).normalize()
        return f"{percent:f}%"
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number:,.2f}"


SOURCE_FILES = ("parameters.yml", "sources.yml", "examples.yml")   # what figures are taken from


def from_data(root: Path, read) -> Figures:
    """The Figures of one data folder; read(path) parses a file (yaml_file.read_yaml)."""
    parameters = read(root / "parameters.yml") if (root / "parameters.yml").exists() else None
    sources_doc = read(root / "sources.yml") if (root / "sources.yml").exists() else {}
    examples_doc = read(root / "examples.yml") if (root / "examples.yml").exists() else {}
    # Malformed sources or examples are reported by their own loaders; here they resolve nothing.
    listed = sources_doc.get("sources") if isinstance(sources_doc, dict) else None
    sources = {s["id"]: s for s in listed if isinstance(s, dict) and isinstance(s.get("id"), str)} \
        if isinstance(listed, list) else {}
    examples = examples_doc.get("examples") if isinstance(examples_doc, dict) else None
    return Figures(parameters, sources, examples if isinstance(examples, list) else [])
