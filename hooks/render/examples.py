"""Worked examples as Markdown: run the rule, then show the working step by step.

``compute_example(example, params)`` runs an example's rule through ``pension.rules.run`` and
returns the JSON-safe result with its working (steps and parameters used).
``render_example(example, result, lang, sources, words, calc_words)`` turns that into Markdown
for one language, in the words of data/example_words.yml:
persona heading (level 3, ``{#example-<id>}``), story, inputs, each step as
"formula in words: numbers = result unit", the parameters' year and sources, and a visible
"not verified" note for every unverified parameter used. No policy arithmetic happens here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from hooks.load.schema import DataError
from hooks.render.textfmt import bracketed, labelled, ui
from pension.rules import run

# Words: data/example_words.yml (labels, units, inputs, steps), checked by hooks/load/rules_data.py;
# one section of it is looked up like data/ui.yml, with textfmt.ui; its labels hold the
# punctuation textfmt's labelled() and bracketed() use.

def _t(text: Any, lang: str) -> str:
    return str(text.get(lang, "")) if isinstance(text, dict) else str(text)


# --- Numbers ---

def fmt_number(value: Any, kind: str) -> str:
    """Format one quantity the same way in both languages (digits, commas, %)."""
    if isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, int | float | Decimal):
        return str(value)
    number = Decimal(str(value))
    if kind == "rate":
        percent = (number * 100).normalize()
        return f"{percent:f}%"
    if kind == "money":
        return f"{number:,.2f}"
    if kind == "amount":
        return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"
    return f"{number:f}" if not isinstance(value, int) else str(value)


def _term(term: Any) -> str:
    if isinstance(term, dict):
        return fmt_number(term["value"], term["kind"])
    return str(term)


def render_step(step: dict[str, Any], lang: str, words: dict[str, Any]) -> str:
    """'formula in words: numbers = result unit' for one step."""
    if step["name"] not in words["steps"]:
        raise DataError("data/example_words.yml", f"steps.{step['name']}", None,
                        f"words for the working step {step['name']!r} ({step['formula']})")
    sums = " ".join(_term(t) for t in step["terms"]).replace("( ", "(").replace(" )", ")")
    unit = ui(words["units"], step["unit"], lang) if step["unit"] in words["units"] else ""
    return ui(words["labels"], "step_line", lang, what=ui(words["steps"], step["name"], lang),
              sums=sums, result=_term(step["result"]), unit=unit)


# --- Public API ---

def compute_example(example: dict[str, Any], params: Any) -> dict[str, Any]:
    """Run the example's rule; {} for an explanation-only example (rule: none)."""
    rule = example.get("rule")
    if not rule or rule == "none":
        return {}
    return run(params, rule, example.get("input", {})).to_dict(working=True)


def render_example(example: dict[str, Any], result: dict[str, Any], lang: str,
                   sources: dict[str, dict[str, Any]], words: dict[str, Any],
                   calc_words: dict[str, Any], calculators: list[dict] = ()) -> str:
    """The example as Markdown in ``lang`` ("zh" or "en"). ``words``: data/example_words.yml
    (SiteData.example_words); ``calc_words``: the calculators' interface words
    (SiteData.calc_ui), so an input such as a category reads as it does in the calculator;
    ``calculators``: data/calculators.yml (SiteData.calculators), for the link that opens one."""
    labels = words["labels"]
    out = [f"### {_t(example['persona'], lang)} {{#example-{example['id']}}}", "",
           _t(example["story"], lang), ""]
    if example.get("assumptions"):
        assumptions = ui(labels, "assumptions", lang)
        out += [labelled(labels, f"**{assumptions}**", _t(example["assumptions"], lang), lang), ""]
    if example.get("input"):
        out += [f"**{ui(labels, 'inputs', lang)}**", ""]
        out += ["- " + labelled(labels, ui(words["inputs"], key, lang),
                                _input_value(key, value, lang, words, calc_words), lang)
                for key, value in example["input"].items()]
        out.append("")
        found = calculator_link(example, calculators)
        if found:
            link = f"../calculators/{found[0]}.md?{found[1]}"
            out += [f"[{ui(words['labels'], 'open_calc', lang)}]({link})", ""]
    steps = result.get("working", {}).get("steps", []) if result else []
    if steps:
        out += [f"**{ui(labels, 'working', lang)}**", ""]
        out += [f"{i}. {render_step(step, lang, words)}" for i, step in enumerate(steps, 1)]
        out.append("")
    out += _deadlines(result or {}, lang, words)
    used = result.get("working", {}).get("parameters", []) if result else []
    params, year = ui(labels, "params", lang), ui(labels, "year", lang)
    out += [f"**{params}**" + bracketed(labels, labelled(labels, year, str(example["params_year"]),
                                                          lang), lang), ""]
    out += [f"- {line}" for line in _param_lines(used, lang, sources, words)]
    return "\n".join(out).rstrip() + "\n"


def calculator_link(example: dict[str, Any], calculators: list[dict]) -> tuple[str, str] | None:
    """(calculator id, address query) of the calculator that opens this example filled in: one
    that runs the example's rule and has a field for each input (data/calculators.yml). A switch
    the inputs' fields need is named in the query when the address names it and it is not the
    switch's first choice (as the calculator writes its own address)."""
    inputs = example.get("input") or {}
    if not inputs or any(isinstance(v, list | dict) for v in inputs.values()):
        return None
    for calc in calculators:
        fields = {f["name"]: f for f in calc["fields"]}
        if example.get("rule") not in calc["rules"] or not set(inputs) <= set(fields):
            continue
        switches: dict[str, str] = {}
        for key in inputs:
            for switch, choice in (fields[key].get("when") or {}).items():
                if switches.setdefault(switch, choice) != choice:
                    return None   # inputs from two sides of one switch: no single form shows them
        pairs = [(s, c) for s, c in switches.items()
                 if fields[s]["in_link"] and c != next(iter(fields[s]["choices"]))]
        return calc["id"], urlencode(pairs + [(k, str(v)) for k, v in inputs.items()])
    return None


# Dated outputs shown as deadlines; docs/assets/js/dated.js marks one as past for the reader.
DEADLINES = ("declare_by", "pay_by")


def _deadlines(outputs: dict[str, Any], lang: str, words: dict[str, Any]) -> list[str]:
    labels = words["labels"]
    past = ui(labels, "deadline_past", lang).replace('"', "&quot;")
    lines = ["- " + labelled(labels, ui(labels, key, lang), f'<span class="deadline" '
                             f'data-deadline="{outputs[key]}" data-past="{past}">{outputs[key]}</span>',
                             lang)
             for key in DEADLINES if key in outputs]
    # Under their own label: a list right after the working would run on as its next steps.
    return [f"**{ui(labels, 'deadlines', lang)}**", "", *lines, ""] if lines else []


def _input_value(key: str, value: Any, lang: str, words: dict[str, Any],
                 calc_words: dict[str, Any]) -> str:
    if key == "category" and value in calc_words:
        return str(calc_words[value][lang])   # the calculator's own names
    if key == "changes" and isinstance(value, list):
        return ui(words["labels"], "semicolon", lang).join(
            ui(words["labels"], "base_change", lang, month=c["from_month"], base=c["base"])
            for c in value)
    if isinstance(value, bool):
        return ui(words["labels"], "answer_yes" if value else "answer_no", lang)
    return str(value)


def _param_lines(used: list[dict[str, Any]], lang: str, sources: dict[str, dict[str, Any]],
                 words: dict[str, Any]) -> list[str]:
    """One line per parameter value used: key, source link, confidence, flags."""
    labels = words["labels"]
    lines = []
    for p in used:
        src = sources.get(p["source"], {})
        title = _t(src.get("title", p["source"]), lang)
        link = f"[{title}]({src['url']})" if src.get("url") else title
        if src.get("number") and not src.get("url"):
            link += bracketed(labels, _t(src["number"], lang), lang)
        what = _t(p["description"], lang).rstrip(ui(labels, "full_stop", lang)) \
            if p.get("description") else p["name"]
        key = p["key"][:4] if p["key"][4:] in ("", "-01-01") else p["key"]
        if p["key"].isdigit():
            when = ui(labels, "in_year", lang, year=key)
        elif len(key) == 4:
            when = ui(labels, "from_year", lang, year=key)
        else:
            when = ui(labels, "from_date", lang, date=key)
        parts = [what + bracketed(labels, when, lang), link]
        if p.get("reference"):
            parts.append(_t(p["reference"], lang))
        confidence = ui(labels, p["confidence"], lang)
        parts.append(labelled(labels, ui(labels, "confidence", lang), confidence, lang))
        if not p["verified"]:   # the same words under most figures: kept out of search
            parts.append(f"**{ui(labels, 'unverified', lang)}**{{: data-search-exclude }}")
        if p.get("disputed"):
            parts.append(f"**{ui(labels, 'disputed', lang)}**")
        lines.append(" · ".join(parts))
    return lines
