"""Load data/calculators.yml, the one list of calculators and their fields, and check it: its rule
exists in pension/rules.py and takes every field sent to it, every parameter and source exists,
every field, choice, result row and note has its words in data/calculator_ui.yml, every `when`
names an earlier switch and one of its choices, every path names the rule run, and each
calculator has its two pages (and no calculator page is missing here).

Each entry gains ``runs`` (the rules it may run, one per choice of its `by` switch) and ``rules``
(those and the rules they are composed of, pension.rules.PARTS: the worked examples that open
it, the working's words its page carries)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_list,
    check_refs,
    check_text,
    check_type,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name
from pension.rules import PARTS as RULE_PARTS
from pension.rules import RULES

KINDS = ("month", "choice", "switch", "year", "money", "number", "whole", "changes")
ENTRY_KEYS = {"id", "name", "summary", "rule", "fields", "outputs", "parameters", "sources", "tables",
              "headline"}
OPTIONAL_KEYS = {"stamp_year_of", "notes", "scenarios"}
FIELD_KEYS = {"name", "kind", "choices", "when", "optional", "in_link", "years_of", "to_rule"}
NOTE_KEYS = {"words", "when", "values", "beside"}
NOTE_FORMATS = ("text", "amount", "date")
OUTPUT_KEYS = {"name", "words", "format", "from", "and_age", "none"}
FORMATS = ("age", "month", "months", "min_months", "amount_month", "money", "money_month", "tenths",
           "years", "flag", "date")
PARTS = ("outputs", "extras", "input")   # where in a rule's answer a value is
TABLES = ("retirement", "min-years", "flexible", "employee", "payment-months", "basic")
# A scenario table under a result (docs/assets/js/calc/scenarios.js draws these formats).
SCENARIO_KEYS = {"id", "rule", "after", "rows", "title", "intro", "notes", "columns"}
SCENARIO_OPTIONAL = {"with", "chart"}
COLUMN_KEYS = {"name", "words", "format", "none", "check", "values"}
COLUMN_FORMATS = ("percent", "month_age", "word", "money", "money_month", "tenths", "months",
                  "min_months")


def load(root: Path, ids: dict[str, set[str]], words: dict, parameters: set[str]) -> list[dict]:
    """The calculators in reader order. ``words``: data/calculator_ui.yml; ``parameters``: the
    parameter names in data/parameters.yml; ``ids['source']``: the source ids."""
    path = root / "calculators.yml"
    file = rel_name(path, root)
    if not path.exists():
        raise DataError(file, "(file)", None, "this file to exist")
    items = check_list(require(read_yaml(path, root), "calculators", file, ""), file,
                       "calculators", min_len=1)
    for i, calc in enumerate(items):
        _check_entry(calc, file, join("calculators", i), ids, words, parameters)
    check_unique(items, file, "calculators")
    _check_pages(items, file, root.parent / "docs" / "calculators")
    return items


def _check_entry(calc: Any, file: str, path: str, ids: dict[str, set[str]], words: dict,
                 parameters: set[str]) -> None:
    check_keys(calc, ENTRY_KEYS | OPTIONAL_KEYS, file, path)
    for key in ENTRY_KEYS:
        require(calc, key, file, path)
    check_id(calc["id"], file, join(path, "id"))
    check_text(calc["name"], file, join(path, "name"))
    check_text(calc["summary"], file, join(path, "summary"))
    check_refs(calc["parameters"], parameters, file, join(path, "parameters"),
               "parameter (data/parameters.yml)")
    check_refs(calc["sources"], ids["source"], file, join(path, "sources"), "source")
    check_refs(calc["tables"], set(TABLES), file, join(path, "tables"), "table")
    if "stamp_year_of" in calc and calc["stamp_year_of"] not in calc["parameters"]:
        raise DataError(file, join(path, "stamp_year_of"), calc["stamp_year_of"],
                        f"one of this calculator's parameters ({', '.join(calc['parameters'])})")
    fields = check_list(calc["fields"], file, join(path, "fields"), min_len=1)
    switches: dict[str, list[str]] = {}
    for j, fld in enumerate(fields):
        where = join(join(path, "fields"), j)
        check_keys(fld, FIELD_KEYS, file, where)
        name = check_type(require(fld, "name", file, where), str, file, join(where, "name"),
                          "a field name (the key in the address, e.g. birth)")
        _word(words, name, file, join(where, "name"))
        kind = require(fld, "kind", file, where)
        if kind not in KINDS:
            raise DataError(file, join(where, "kind"), kind, f"one of {', '.join(KINDS)}")
        if kind in ("choice", "switch"):
            fld["choices"] = _choices(fld.get("choices"), file, join(where, "choices"), words)
        elif "choices" in fld:
            raise DataError(file, join(where, "choices"), fld["choices"],
                            "no choices: only a choice or switch field has them")
        if kind == "year" and fld.get("years_of") not in parameters:
            raise DataError(file, join(where, "years_of"), fld.get("years_of"),
                            "the parameter whose years the field offers (data/parameters.yml)")
        if kind == "switch":
            check_type(require(fld, "in_link", file, where), bool, file, join(where, "in_link"),
                       "true or false: whether the address names this switch")
        if "to_rule" in fld and (kind == "switch" or fld["to_rule"] is not False):
            raise DataError(file, join(where, "to_rule"), fld["to_rule"],
                            "false, on a field that is not a switch (a switch is never sent)")
        for flag in ("optional", "in_link"):
            if flag in fld:
                check_type(fld[flag], bool, file, join(where, flag), "true or false")
        _check_when(fld.get("when"), switches, file, join(where, "when"))
        if kind == "switch":
            switches[name] = list(fld["choices"])
    check_unique(fields, file, join(path, "fields"), key="name")
    _check_rule(calc, file, path, switches)
    _check_outputs(calc, file, join(path, "outputs"), words)
    _check_notes(calc, file, join(path, "notes"), words)
    _check_headline(calc, file, join(path, "headline"), words)
    if "scenarios" in calc:
        _check_scenarios(calc, file, join(path, "scenarios"), words)


def _check_rule(calc: dict, file: str, path: str, switches: dict[str, list[str]]) -> None:
    """The rule (or one per choice of a switch) exists and takes every field sent to it."""
    rule, where = calc["rule"], join(path, "rule")
    if isinstance(rule, dict):
        by = rule.get("by")
        if by not in switches or set(rule) - {"by"} != set(switches[by]):
            known = "; ".join(f"{n}: {', '.join(c)}" for n, c in switches.items()) or "none"
            raise DataError(file, where, rule, f"{{by: a switch field, then a rule for each of its "
                                               f"choices}} (switches: {known})")
        picks = {choice: rule[choice] for choice in switches[by]}
    else:
        by, picks = None, {"": rule}
    for choice, name in picks.items():
        if name not in RULES:
            raise DataError(file, join(where, choice) if choice else where, name,
                            f"a rule of pension/rules.py ({', '.join(RULES)})")
    calc["runs"] = list(dict.fromkeys(picks.values()))
    calc["rules"] = list(dict.fromkeys(r for name in calc["runs"] for r in (name, *RULE_PARTS.get(name, ()))))
    for j, fld in enumerate(calc["fields"]):
        if fld["kind"] == "switch" or fld.get("to_rule") is False:
            continue
        for choice, name in picks.items():
            shown = (fld.get("when") or {}).get(by, choice) == choice if by else True
            if shown and fld["name"] not in RULES[name].fields:
                raise DataError(file, join(join(path, "fields"), j), fld["name"],
                                f"an input of the rule {name} ({', '.join(RULES[name].fields)}), "
                                "or a field marked to_rule: false")


def _check_notes(calc: dict, file: str, path: str, words: dict) -> None:
    """Each note: its words (or words picked by a value), when it shows, its values, beside what."""
    rules = [*calc["runs"], "result"]
    for k, note in enumerate(check_list(calc.get("notes", []), file, path)):
        where = join(path, k)
        check_keys(note, NOTE_KEYS, file, where)
        key = require(note, "words", file, where)
        if isinstance(key, dict):
            _path(key.get("by"), rules, file, join(join(where, "words"), "by"))
            for value, word in key.items():
                if value != "by":
                    _word(words, word, file, join(join(where, "words"), str(value)))
        else:
            _word(words, key, file, join(where, "words"))
        if "when" in note:
            _path(note["when"], rules, file, join(where, "when"))
        values = note.get("values", {})
        if not isinstance(values, dict):
            raise DataError(file, join(where, "values"), values,
                            "{placeholder: {from: a path, format: text, amount or date}}")
        for name, value in values.items():
            at = join(join(where, "values"), str(name))
            if not isinstance(value, dict) or set(value) - {"from", "format"}:
                raise DataError(file, at, value, "{from: a path, format: text, amount or date}")
            _path(value.get("from"), rules, file, join(at, "from"))
            if value.get("format", "text") not in NOTE_FORMATS:
                raise DataError(file, join(at, "format"), value["format"], f"one of {', '.join(NOTE_FORMATS)}")
        if "beside" in note and note["beside"] not in {f["name"] for f in calc["fields"]}:
            raise DataError(file, join(where, "beside"), note["beside"], "a field of this calculator")


def _check_scenarios(calc: dict, file: str, path: str, words: dict) -> None:
    """Each scenario table: a rule that can run on the `after` rule's input plus `with`, its
    words, and columns in a format scenarios.js draws."""
    for k, table in enumerate(check_list(calc["scenarios"], file, path, min_len=1)):
        where = join(path, k)
        check_keys(table, SCENARIO_KEYS | SCENARIO_OPTIONAL, file, where)
        for key in SCENARIO_KEYS:
            require(table, key, file, where)
        check_id(table["id"], file, join(where, "id"))
        if table["rule"] not in RULES:
            raise DataError(file, join(where, "rule"), table["rule"], "a rule of pension/rules.py")
        if table["after"] not in calc["rules"]:
            raise DataError(file, join(where, "after"), table["after"],
                            f"one of this calculator's rules ({', '.join(calc['rules'])})")
        given = check_type(table.get("with", {}), dict, file, join(where, "with"),
                           "a mapping of the rule's inputs to values")
        fields = RULES[table["rule"]].fields
        for name, value in given.items():
            if name not in fields:
                raise DataError(file, join(join(where, "with"), name), value,
                                f"an input of {table['rule']} ({', '.join(fields)})")
        known = set(RULES[table["after"]].fields) | set(given)
        for name, (_, needed) in fields.items():
            if needed and name not in known:
                raise DataError(file, join(where, "with"), given,
                                f"a value for {name!r}, which {table['rule']} needs and "
                                f"{table['after']} does not take")
        check_type(table["rows"], str, file, join(where, "rows"),
                   f"the name of the list of rows in {table['rule']}'s outputs")
        for key in ("title", "intro"):
            _word(words, table[key], file, join(where, key))
        for j, key in enumerate(check_list(table["notes"], file, join(where, "notes"))):
            _word(words, key, file, join(join(where, "notes"), j))
        columns = check_list(table["columns"], file, join(where, "columns"), min_len=1)
        for j, col in enumerate(columns):
            at = join(join(where, "columns"), j)
            check_keys(col, COLUMN_KEYS, file, at)
            check_type(require(col, "name", file, at), str, file, join(at, "name"),
                       "the key of the value in a row (data-output)")
            _word(words, require(col, "words", file, at), file, join(at, "words"))
            if require(col, "format", file, at) not in COLUMN_FORMATS:
                raise DataError(file, join(at, "format"), col["format"],
                                f"one of {', '.join(COLUMN_FORMATS)}")
            if "none" in col:
                _word(words, col["none"], file, join(at, "none"))
            if (col["format"] == "word") != ("values" in col):
                raise DataError(file, join(at, "values"), col.get("values"),
                                "a mapping value: word key for a `word` column, and only there")
            if "values" in col:
                _choices(col["values"], file, join(at, "values"), words)
        check_unique(columns, file, join(where, "columns"), key="name")
        if "chart" in table and table["chart"] not in [c["name"] for c in columns]:
            raise DataError(file, join(where, "chart"), table["chart"],
                            f"one of the table's columns ({', '.join(c['name'] for c in columns)})")
    check_unique(calc["scenarios"], file, path)


def _check_outputs(calc: dict, file: str, path: str, words: dict) -> None:
    """Each result row: a name, its label's words, a known format, and where its value is."""
    choices = {f["name"]: list(f["choices"]) for f in calc["fields"] if f["kind"] == "choice"}
    rules = [*calc["runs"], "result"]
    for k, out in enumerate(check_list(calc["outputs"], file, path, min_len=1)):
        where = join(path, k)
        check_keys(out, OUTPUT_KEYS, file, where)
        check_type(require(out, "name", file, where), str, file, join(where, "name"),
                   "the output's name (data-output)")
        fmt = require(out, "format", file, where)
        if fmt not in FORMATS:
            raise DataError(file, join(where, "format"), fmt, f"one of {', '.join(FORMATS)}")
        if fmt != "flag":
            _word(words, require(out, "words", file, where), file, join(where, "words"))
        if "none" in out:
            _word(words, out["none"], file, join(where, "none"))
        source = require(out, "from", file, where)
        if isinstance(source, dict):
            by = source.get("by")
            if by not in choices or set(source) - {"by"} != set(choices[by]):
                known = "; ".join(f"{n}: {', '.join(c)}" for n, c in choices.items()) or "none"
                raise DataError(file, join(where, "from"), source,
                                f"{{by: a choice field, then a path for each of its choices}} ({known})")
            for choice in choices[by]:
                _path(source[choice], rules, file, join(join(where, "from"), choice))
        else:
            _path(source, rules, file, join(where, "from"))
        if "and_age" in out:
            _path(out["and_age"], rules, file, join(where, "and_age"))
    check_unique(calc["outputs"], file, path, key="name")


def _check_headline(calc: dict, file: str, path: str, words: dict) -> None:
    """The figure said first: one of the calculator's rows (not a flag), and a sentence in both
    languages with {v} where the value goes (a sentence without it would lead with no figure)."""
    headline = calc["headline"]
    check_keys(headline, {"output", "words"}, file, path)
    names = [o["name"] for o in calc["outputs"] if o["format"] != "flag"]
    if require(headline, "output", file, path) not in names:
        raise DataError(file, join(path, "output"), headline["output"],
                        f"one of this calculator's outputs ({', '.join(names)})")
    key = require(headline, "words", file, path)
    _word(words, key, file, join(path, "words"))
    for lang, text in words[key].items():
        if "{v}" not in text:
            raise DataError("data/calculator_ui.yml", join(key, lang), text,
                            "a sentence with {v} where the value goes")


def _path(text: Any, rules: list[str], file: str, where: str) -> None:
    parts = text.split(".") if isinstance(text, str) else []
    if len(parts) < 3 or parts[0] not in rules or parts[1] not in PARTS:
        raise DataError(file, where, text, f"a path: one of {', '.join(rules)}, then one of "
                                           f"{', '.join(PARTS)}, then the key (e.g. result.outputs.total)")


def _word(words: dict, key: str, file: str, where: str) -> None:
    if key not in words:
        raise DataError(file, where, key, "a name that data/calculator_ui.yml gives words to")


def _choices(choices: Any, file: str, where: str, words: dict) -> dict[str, str]:
    """A list of values (each its own word) or a mapping value → word: always a mapping here."""
    if isinstance(choices, list) and choices:
        choices = {c: c for c in choices}
    if not isinstance(choices, dict) or not choices:
        raise DataError(file, where, choices, "a list of values, or a mapping value: word key")
    for value, word in choices.items():
        check_type(value, str, file, join(where, str(value)), "a value in quotes")
        _word(words, word, file, join(where, value))
    return choices


def _check_when(when: Any, switches: dict[str, list[str]], file: str, where: str) -> None:
    if when is None:
        return
    if not isinstance(when, dict) or len(when) != 1:
        raise DataError(file, where, when, "one switch and its choice, e.g. {mode: direct}")
    (switch, choice), = when.items()
    if switch not in switches or choice not in switches[switch]:
        known = "; ".join(f"{s}: {', '.join(c)}" for s, c in switches.items()) or "none yet"
        raise DataError(file, where, when, f"an earlier switch field and one of its choices ({known})")


def _check_pages(items: list[dict], file: str, pages: Path) -> None:
    listed = {c["id"] for c in items}
    for i, calc in enumerate(items):
        for name in (f"{calc['id']}.md", f"{calc['id']}.en.md"):
            if not (pages / name).exists():
                raise DataError(file, join(join("calculators", i), "id"), calc["id"],
                                f"a calculator with its page docs/calculators/{name}")
    for page in sorted(pages.glob("*.md")):
        stem = page.name.removesuffix(".md").removesuffix(".en")
        if stem != "index" and stem not in listed:
            raise DataError(file, "calculators", stem,
                            f"an entry for docs/calculators/{page.name} (every calculator page is listed here)")
