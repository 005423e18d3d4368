"""Markers for the calculator pages: the page's interface words for calculators.js, the tables a
reader sees without JavaScript (all computed by the Python rules in pension/), and the sources
of the parameters each calculator uses (ids ``src-<source id>``, which the working links to).

Markers: calc-text, calc-retirement-table, calc-min-years-table, calc-flexible-table,
calc-employee-table, calc-payment-months-table, calc-basic-table, calc-sources-<rule>.
"""

from __future__ import annotations

import json
from decimal import Decimal

from textfmt import source_line

from pension.contributions import employee_contribution, flexible_contribution, tier_base
from pension.estimate import pension_estimate
from pension.payment_months import payment_months
from pension.retirement import CATEGORIES, retirement_age

TIERS = (60, 70, 80, 90, 100, 150, 200, 250, 300)
PARAMS_USED = {
    "retirement-age": ("retirement_schedule", "flexible_retirement", "min_contribution_months"),
    "flexible-contribution": ("contribution_base_limits", "contribution_average_wage", "tier_range",
                              "flexible_rate", "flexible_account_rate"),
    "employee-contribution": ("contribution_base_limits", "employer_rate", "employee_rate"),
    "pension-estimate": ("retirement_schedule", "min_contribution_months", "payment_months_table",
                         "payment_months_month_level", "basic_pension_rate", "transitional_coefficient",
                         "jifa_base", "account_interest_rate", "employee_rate", "tier_range",
                         "contribution_average_wage"),
}
EXTRA_SOURCES = {"retirement-age": ("npc-decision-2024",), "pension-estimate": ("npc-decision-2024",)}


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _whole(value: Decimal) -> str:
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,}"


def _age(age: dict, lang: str) -> str:
    y, m = age["years"], age["months"]
    if lang == "zh":
        return f"{y}岁{m}个月" if m else f"{y}岁"
    return f"{y}y {m}m" if m else f"{y}y"


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def calc_text(site, lang):
    words = {k: v[lang] for k, v in site.calc_ui.items()}
    data = json.dumps(words, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" class="calc-text">{data}</script>\n'


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
            text = _age(jan["age"], lang)
            if dec["age"] != jan["age"]:
                text += "–" + _age(dec["age"], lang)
            cells.append(text)
            band = params.get("retirement_schedule", "2025-01-01").value[cat]
            done = done and jan["delay_months"] >= band["max_delay_months"]
        rows.append(cells)
        if done:
            end = year
            break
        year += 1
    t = {k: v[lang] for k, v in site.calc_ui.items()}
    head = ["出生年份" if lang == "zh" else "Year of birth", t["male"], t["female55"], t["female50"]]
    note = (f"表中是{start}年到{end}年出生的人：1月出生的年龄–12月出生的年龄。{end}年以后出生的，年龄与{end}年相同。"
            if lang == "zh" else
            f"The table covers people born from {start} to {end}: the age for January births, then for December "
            f"births. For later years the age is the same as for {end}.")
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
        years = f"{months // 12}年" + (f"{months % 12}个月" if months % 12 else "") if lang == "zh" \
            else f"{months // 12} years" + (f" {months % 12} months" if months % 12 else "")
        span = str(first) if first == last_of_run else f"{first}–{last_of_run}"
        rows.append([span, years, str(months)])
    last = max(spec)
    rows[-1][0] = f"{last}年及以后" if lang == "zh" else f"{last} and later"
    head = ["达到法定退休年龄的年份", "最低缴费年限", "月数"] if lang == "zh" else \
        ["Year you reach statutory age", "Minimum", "Months"]
    return _table(head, rows)


def _tier_bases(params) -> tuple[int, list[tuple[int, object]]]:
    """The latest year with both an average wage and limits, and each tier's base in it."""
    year = min(params.latest_year("contribution_average_wage"),
               params.latest_year("contribution_base_limits"))
    return year, [(tier, tier_base(params, year, tier).outputs["base"]) for tier in TIERS]


def flexible_table(site, lang):
    params = site.params
    year, bases = _tier_bases(params)
    rows = []
    for tier, base in bases:
        out = flexible_contribution(params, year, base).outputs
        rows.append([f"{tier}%", _whole(base), _money(out["monthly"]), _money(out["quarterly"]),
                     _money(out["yearly"]), _money(out["personal_account_monthly"])])
    head = ["档次", "基数（元/月）", "每月", "每季", "全年", "每月记入个人账户"] if lang == "zh" else \
        ["Tier", "Base (yuan a month)", "Monthly", "Quarterly", "Yearly", "To your account each month"]
    note = (f"{year}年各档次的缴费（元）。档次基数由公布的上下限倒推，四舍五入到元。" if lang == "zh" else
            f"Payments in {year} for each tier, in yuan. Tier bases are worked back from the published limits "
            "and rounded to the yuan.")
    return note + "\n\n" + _table(head, rows)


def employee_table(site, lang):
    params = site.params
    year, bases = _tier_bases(params)
    rows = []
    for _, base in bases:
        out = employee_contribution(params, year, base).outputs
        rows.append([_whole(base), _money(out["employer"]), _money(out["employee"]), _money(out["total"])])
    head = ["月工资（元）", "单位每月缴", "个人每月缴", "合计"] if lang == "zh" else \
        ["Monthly wage (yuan)", "Employer pays", "You pay", "Total"]
    note = (f"{year}年按不同工资算的每月缴费（元）。工资低于下限或高于上限时，按下限或上限算。" if lang == "zh" else
            f"Monthly payments in {year} for some wages, in yuan. A wage below the lower limit or above the "
            "upper limit counts as that limit.")
    return note + "\n\n" + _table(head, rows)


def payment_months_table(site, lang):
    params = site.params
    rows = []
    for age in range(50, 66):
        rows.append([str(age), str(payment_months(params, age, 0).outputs["months"]),
                     str(payment_months(params, age, 6).outputs["months"])])
    head = (["退休年龄（岁）", "整岁", "再加6个月"] if lang == "zh"
            else ["Retirement age", "Whole years", "Plus 6 months"])
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
    head = (["缴费年限"] + [f"指数{i}" for i in indexes]) if lang == "zh" else \
        (["Years paid"] + [f"Index {i}" for i in indexes])
    note = (f"只算基础养老金（元/月），计发基数用{year}年的{jifa}元。" if lang == "zh" else
            f"Basic pension only, in yuan a month, with {year}'s pension base of {jifa} yuan.")
    return note + "\n\n" + _table(head, rows)


def _sources_for(rule):
    def render(site, lang):
        ids: list[str] = []
        for name in PARAMS_USED[rule]:
            for entry in site.params.spec(name)["values"].values():
                if entry["source"] not in ids:
                    ids.append(entry["source"])
        for extra in EXTRA_SOURCES.get(rule, ()):
            if extra not in ids:
                ids.insert(0, extra)
        return "\n".join(f'- <span id="src-{sid}"></span>{source_line(site.sources[sid], lang, site.ui)}'
                         for sid in ids if sid in site.sources) + "\n"
    return render


RENDERERS = {
    "calc-text": calc_text,
    "calc-retirement-table": retirement_table,
    "calc-min-years-table": min_years_table,
    "calc-flexible-table": flexible_table,
    "calc-employee-table": employee_table,
    "calc-payment-months-table": payment_months_table,
    "calc-basic-table": basic_table,
    **{f"calc-sources-{rule}": _sources_for(rule) for rule in PARAMS_USED},
}
