"""The calculator pages: the calculator itself (its entry of data/calculators.yml and its words,
for docs/assets/js/calc/*.js), the tables a reader sees without JavaScript (all computed by
the Python rules in pension/), and the sources of the parameters each calculator uses (ids
``src-<source id>``, which the working links to).

Markers: calculator (the form's place, its entry, its words and the year notice),
calc-sources, calc-<table>-table (TABLES). Page-aware markers take the page's address; the
calculator is the one whose id is the page's name.
"""

from __future__ import annotations

import html
import json
from decimal import Decimal

from hooks.load.schema import DataError
from hooks.render import dated_notice
from hooks.render.textfmt import source_line, t, ui
from pension.contributions import employee_contribution, flexible_contribution, tier_base
from pension.estimate import pension_estimate
from pension.payment_months import payment_months
from pension.retirement import CATEGORIES, retirement_age
from pension.rules import STEPS

TIERS = (60, 70, 80, 90, 100, 150, 200, 250, 300)
PARAMETERS_JSON = "assets/generated/parameters.json"


def calculator_of(site, page_url: str) -> dict:
    """The calculator whose page this is (data/calculators.yml); KeyError names the page."""
    name = page_url.rstrip("/").rsplit("/", 1)[-1]
    for calc in site.calculators:
        if calc["id"] == name:
            return calc
    raise KeyError(f"calculator (no entry for {page_url} in data/calculators.yml)")


def _json_script(css_class: str, data) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="{css_class}">{text}</script>\n'


def calculator(site, lang, page_url):
    """Where the form goes, with what the script needs: the parameters' address (relative to this
    page), the calculator's entry and its words; then the notice of which year's figures it uses."""
    calc = calculator_of(site, page_url)
    root = "../" * page_url.strip("/").count("/") + "../" if page_url.strip("/") else ""
    loading = html.escape(ui(site.ui, "calc_loading", lang))
    spec = {k: calc[k] for k in ("id", "rule", "fields", "outputs", "notes", "headline", "stamp_year_of",
                                 "scenarios") if k in calc}
    words = {k: v[lang] for k, v in site.calc_ui.items() if k not in _other_calculators_words(site, calc)}
    return (f'<div class="calc" data-calc="{calc["id"]}" data-params="{root}{PARAMETERS_JSON}">\n'
            f'<p class="calc-loading">{loading}</p>\n</div>\n\n'
            + _json_script("calc-spec", spec) + _json_script("calc-text", words)
            + _json_script("calc-steps", working_words(site.example_words, lang, calc["rules"]))
            + fresh_notice(site, lang))


def _entry_words(calc: dict) -> set[str]:
    """The words a calculator's entry names: field labels, choices, result rows, the headline."""
    named = set()
    for fld in calc["fields"]:
        named.add(fld["name"])
        named.update((fld.get("choices") or {}).values())
    for out in calc["outputs"]:
        named.update(out[key] for key in ("words", "none") if key in out)
    for note in calc.get("notes", []):
        words = note["words"]
        named.update({k: v for k, v in words.items() if k != "by"}.values() if isinstance(words, dict) else [words])
    for table in calc.get("scenarios", []):
        named.update([table["title"], table["intro"], *table["notes"]])
        for col in table["columns"]:
            named.update(col[key] for key in ("words", "none") if key in col)
            named.update(col.get("values", {}).values())
    named.add(calc["headline"]["words"])
    return named


def _other_calculators_words(site, calc: dict) -> set[str]:
    """Words only other calculators' entries name (not this one's, not the scripts'): this page
    need not carry them."""
    others = set().union(*(_entry_words(c) for c in site.calculators if c is not calc))
    return others - _entry_words(calc) - site.calc_script_words


def working_words(words: dict, lang: str, rules: list[str]) -> dict:
    """The words the calculator writes its working with, the same as the worked examples'
    (data/example_words.yml): the step line pattern, the units, and the words of the steps its
    rules may report (pension.rules.STEPS; a missing word stops the build here)."""
    names = dict.fromkeys(name for rule in rules for name in STEPS[rule])
    missing = [name for name in names if name not in words["steps"]]
    if missing:
        raise DataError("data/example_words.yml", f"steps.{missing[0]}", None,
                        f"words for the working step {missing[0]!r} (the rules {', '.join(rules)} report it)")
    return {"step_line": words["labels"]["step_line"][lang],
            "steps": {name: words["steps"][name][lang] for name in names},
            "units": {name: text[lang] for name, text in words["units"].items()}}


def calculator_list(site, lang):
    """Every calculator with its one-line summary (the calculators' index page)."""
    return "\n".join("- " + ui(site.ui, "calc_list_item", lang, name=f"[{t(c['name'], lang)}]({c['id']}.md)",
                                summary=t(c["summary"], lang)) for c in site.calculators) + "\n"


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _whole(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def _age(age: dict, lang: str, u) -> str:
    y, m = age["years"], age["months"]
    return ui(u, "age_years_months", lang, y=y, m=m) if m else ui(u, "age_years", lang, y=y)


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def fresh_notice(site, lang):
    """Which year's figures the calculators use. The build cannot know the reader's date, so the
    text says when we checked; docs/assets/js/dated.js swaps in the after-the-last-year words
    when the reader's today is past that year (data-last-year, ISO date in data-checked)."""
    last = dated_notice.last_published_year(site.params)
    checked = site.document["last_reviewed"].isoformat()
    words = site.calc_ui
    after = dated_notice.after_attribute(words["fresh_after"][lang], last)
    text = html.escape(words["fresh_static"][lang].format(last=last, checked=checked))
    return (f'<p class="calc-fresh" data-last-year="{last}" data-checked="{checked}" '
            f'data-after="{after}">{text}</p>\n')


def retirement_table(site, lang):
    params = site.params
    first = {c: int(params.get("retirement_schedule", "2025-01-01").value[c]["first_birth"][:4])
             for c in CATEGORIES}
    start, end = min(first.values()) - 1, 0
    rows = []
    year = start
    while True:
        cells, done = [str(year)], True
        for cat in CATEGORIES:
            jan = retirement_age(params, f"{year}-01", cat).outputs
            dec = retirement_age(params, f"{year}-12", cat).outputs
            text = _age(jan["age"], lang, site.ui)
            if dec["age"] != jan["age"]:
                text += "–" + _age(dec["age"], lang, site.ui)
            cells.append(text)
            band = params.get("retirement_schedule", "2025-01-01").value[cat]
            done = done and jan["delay_months"] >= band["max_delay_months"]
        rows.append(cells)
        if done:
            end = year
            break
        year += 1
    w = {k: v[lang] for k, v in site.calc_ui.items()}
    head = [ui(site.ui, "table_birth_year", lang), w["male"], w["female55"], w["female50"]]
    note = ui(site.ui, "table_retirement_note", lang, start=start, end=end)
    return note + "\n\n" + _table(head, rows)


def min_years_table(site, lang):
    spec = site.params.spec("min_contribution_months")["values"]
    runs: list[list[int]] = []  # [first year, last year, months]: one row per run of equal values
    for year, entry in spec.items():
        months = int(entry["value"])
        if runs and runs[-1][2] == months:
            runs[-1][1] = year
        else:
            runs.append([year, year, months])
    rows = []
    for first, last_of_run, months in runs:
        years = ui(site.ui, "years_months_count", lang, y=months // 12, m=months % 12) if months % 12 \
            else ui(site.ui, "years_count", lang, y=months // 12)
        span = str(first) if first == last_of_run else f"{first}–{last_of_run}"
        rows.append([span, years, str(months)])
    last = max(spec)
    rows[-1][0] = ui(site.ui, "year_and_later", lang, year=last)
    head = [ui(site.ui, "table_statutory_year", lang), ui(site.ui, "table_minimum", lang),
            ui(site.ui, "table_months", lang)]
    return _table(head, rows)


def tier_bases(params) -> tuple[int, list[tuple[int, object]]]:
    """The latest year with both an average wage and limits, and each tier's base in it."""
    year = min(params.latest_year("contribution_average_wage"),
               params.latest_year("contribution_base_limits"))
    return year, [(tier, tier_base(params, year, tier).outputs["base"]) for tier in TIERS]


def flexible_table(site, lang):
    params = site.params
    year, bases = tier_bases(params)
    rows = []
    for tier, base in bases:
        out = flexible_contribution(params, year, base).outputs
        rows.append([f"{tier}%", _whole(base), _money(out["monthly"]), _money(out["quarterly"]),
                     _money(out["yearly"]), _money(out["personal_account_monthly"])])
    head = [ui(site.ui, "table_tier", lang), ui(site.ui, "table_tier_base", lang),
            ui(site.ui, "table_monthly", lang), ui(site.ui, "table_quarterly", lang),
            ui(site.ui, "table_yearly", lang), ui(site.ui, "table_to_account", lang)]
    note = ui(site.ui, "table_flexible_note", lang, year=year)
    return note + "\n\n" + _table(head, rows)


def employee_table(site, lang):
    params = site.params
    year, bases = tier_bases(params)
    rows = []
    for _, base in bases:
        out = employee_contribution(params, year, base).outputs
        rows.append([_whole(base), _money(out["employer"]), _money(out["employee"]), _money(out["total"])])
    head = [ui(site.ui, "table_wage", lang), ui(site.ui, "table_employer_pays", lang),
            ui(site.ui, "table_you_pay", lang), ui(site.ui, "table_total", lang)]
    note = ui(site.ui, "table_employee_note", lang, year=year)
    return note + "\n\n" + _table(head, rows)


def payment_months_table(site, lang):
    params = site.params
    rows = []
    for age in range(50, 66):
        rows.append([str(age), str(payment_months(params, age, 0).outputs["months"]),
                     str(payment_months(params, age, 6).outputs["months"])])
    head = [ui(site.ui, "table_retirement_age", lang), ui(site.ui, "table_whole_years", lang),
            ui(site.ui, "table_plus_6_months", lang)]
    return _table(head, rows)


def basic_table(site, lang):
    params = site.params
    year = params.latest_year("jifa_base")
    jifa = Decimal(str(params.get("jifa_base", year).value))
    indexes = (Decimal("0.6"), Decimal("1"), Decimal("2"), Decimal("3"))
    rows = []
    for years in (15, 20, 25, 30, 35, 40):
        cells = [str(years)]
        for index in indexes:
            out = pension_estimate(params, jifa, index, years, 0, 0, 139).outputs
            cells.append(_money(out["basic"]))
        rows.append(cells)
    head = [ui(site.ui, "table_years_paid", lang)] + [ui(site.ui, "table_index", lang, i=i) for i in indexes]
    note = ui(site.ui, "table_basic_note", lang, year=year, base=jifa)
    return note + "\n\n" + _table(head, rows)


def sources(site, lang, page_url):
    """The sources of the calculator's parameters, after its own extra sources, each once."""
    calc = calculator_of(site, page_url)
    ids = list(calc["sources"])
    for name in calc["parameters"]:
        for entry in site.params.spec(name)["values"].values():
            if entry["source"] not in ids:
                ids.append(entry["source"])
    return "\n".join(f'- <span id="src-{sid}"></span>{source_line(site.sources[sid], lang, site.ui)}'
                     for sid in ids) + "\n"


TABLES = {
    "retirement": retirement_table,
    "min-years": min_years_table,
    "flexible": flexible_table,
    "employee": employee_table,
    "payment-months": payment_months_table,
    "basic": basic_table,
}
RENDERERS = {
    "calculator-list": calculator_list,
    **{f"calc-{name}-table": render for name, render in TABLES.items()},
}
PAGE_RENDERERS = {"calculator": calculator, "calc-sources": sources}
