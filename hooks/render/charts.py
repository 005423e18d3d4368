"""The charts: figures from the rules in pension/, words from data/charts.yml, drawn as inline SVG.

Each chart is a <figure>: its title and one sentence (figcaption), the SVG (svg_chart.py) and,
folded under it, the table it is drawn from, which is its text alternative. Every value in the
SVG and the table comes from one list of rows computed here by the rules; nothing is typed.

Used by measure sections and guides that name a chart (`charts: [id]` in their data) and by
`<!-- site:charts -->` (the charts page: every chart under its own heading, anchor = the chart's
id). The calculator pages link to the charts page instead of drawing a chart: they are at the
weight budget (about 100 KB on a cold load) with their scripts, and a chart adds 1–4 KB.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from hooks.load.figures import show
from hooks.load.schema import DataError
from hooks.render import svg_chart
from hooks.render.calculators import TIERS, tier_bases
from hooks.render.textfmt import Words, ui
from pension.contributions import flexible_contribution, tier_base
from pension.estimate import pension_estimate
from pension.min_years import min_contribution
from pension.payment_months import payment_months
from pension.projection import account_projection
from pension.retirement import CATEGORIES, RULES_IN_FORCE, retirement_age

FILE = "data/charts.yml"
PENSION_TIERS = (60, 100, 150, 200, 300)              # one line each: more would not fit a phone
PENSION_YEARS = (15, 20, 25, 30, 35, 40)
PENSION_AGE = 60          # the pension chart's retirement age, stated in its sentence
PAYMENT_AGES = range(50, 67)   # 50, the lowest old age, to 66 (63 + 3 years late)


@dataclass(frozen=True)
class Drawn:
    """What a chart function returns: the SVG, the table and the caption's values."""
    svg: str
    head: list[str]
    rows: list[list[tuple[str, dict[str, object]]]]   # each cell: text, its data-attributes
    values: dict[str, object]


def words(site, chart_id: str) -> Words:
    for i, chart in enumerate(site.charts):
        if chart["id"] == chart_id:
            return Words(FILE, chart, f"charts[{i}]")
    raise DataError(FILE, "charts", chart_id, f"a chart with this id ({', '.join(ids(site))})")


def ids(site) -> list[str]:
    return [c["id"] for c in site.charts]


def check(site) -> None:
    """Every chart in data/charts.yml has a function here, and every function its words."""
    known = set(CHARTS)
    for i, chart_id in enumerate(ids(site)):
        if chart_id not in known:
            raise DataError(FILE, f"charts[{i}].id", chart_id,
                            f"a chart the build can draw ({', '.join(CHARTS)})")
    missing = sorted(known - set(ids(site)))
    if missing:
        raise DataError(FILE, "charts", None, f"words for every chart, also {', '.join(missing)}")


def _w(w: Words, key: str, lang: str) -> str:
    return w[key][lang].strip()


def _cell(text: str, **data: object) -> tuple[str, dict[str, object]]:
    return text, data


def _age_text(months: int, lang: str, u) -> str:
    y, m = divmod(months, 12)
    return ui(u, "age_years_months", lang, y=y, m=m) if m else ui(u, "age_years", lang, y=y)


def _years_text(months: int, lang: str, u) -> str:
    y, m = divmod(months, 12)
    return ui(u, "years_months_count", lang, y=y, m=m) if m else ui(u, "years_count", lang, y=y)


def _months(age: dict) -> int:
    return age["years"] * 12 + age["months"]


def _year_ticks(first: int, last: int, every: int) -> list[tuple[float, str]]:
    return [(float(y), str(y)) for y in range(first, last + 1) if (y - first) % every == 0]


# --- The five charts ------------------------------------------------------------------------

def _retirement_age(site, lang: str, w: Words, label: str) -> Drawn:
    params = site.params
    schedule = params.get("retirement_schedule", RULES_IN_FORCE).value
    start = min(int(schedule[c]["first_birth"][:4]) for c in CATEGORIES) - 1
    end = start
    while not all(retirement_age(params, f"{end}-01", c).outputs["delay_months"]
                  >= schedule[c]["max_delay_months"] for c in CATEGORIES):
        end += 1
    births = [f"{year}-01" for year in range(start, end + 1)]
    ages = {c: [_months(retirement_age(params, b, c).outputs["age"]) for b in births]
            for c in CATEGORIES}
    names = Words(FILE, w["series"], w.key("series"))   # a missing group is named, not a KeyError
    series = [svg_chart.Series(c, names[c][lang], list(zip(births, ages[c], strict=True)))
              for c in CATEGORIES]
    lowest = min(min(a) for a in ages.values()) // 60 * 60
    highest = -(-max(max(a) for a in ages.values()) // 60) * 60
    svg = svg_chart.line_chart(
        series, label=label, x_of=lambda b: int(b[:4]) + (int(b[5:]) - 1) / 12,
        x_ticks=_year_ticks(start, end, 4), y_ticks=[(m, str(m // 12)) for m in range(lowest, highest + 1, 60)],
        x_title=_w(w, "axis_x", lang), y_title=_w(w, "axis_y", lang), names_at="above-end")
    head = [_w(w, "table_x", lang)] + [names[c][lang] for c in CATEGORIES]
    rows = [[_cell(b)] + [_cell(_age_text(ages[c][n], lang, site.ui), series=c, x=b, y=ages[c][n])
                          for c in CATEGORIES] for n, b in enumerate(births)]
    return Drawn(svg, head, rows, {"start": start, "end": end})


def _min_years(site, lang: str, w: Words, label: str) -> Drawn:
    params = site.params
    start = int(RULES_IN_FORCE[:4])
    end = max(site.params.spec("min_contribution_months")["values"])
    years = list(range(start, end + 1))
    months = [min_contribution(params, y).outputs["months"] for y in years]
    low, high = min(months) // 12 - 1, -(-max(months) // 12) + 1
    svg = svg_chart.line_chart(
        [svg_chart.Series("minimum", "", list(zip(years, months, strict=True)))], label=label,
        x_of=float, x_ticks=_year_ticks(start, end, 2),
        y_ticks=[(y * 12, str(y)) for y in range(low, high + 1)],
        x_title=_w(w, "axis_x", lang), y_title=_w(w, "axis_y", lang), step=True)
    head = [_w(w, "table_x", lang), _w(w, "table_y", lang)]
    rows = [[_cell(str(y)), _cell(_years_text(m, lang, site.ui), series="minimum", x=y, y=m)]
            for y, m in zip(years, months, strict=True)]
    return Drawn(svg, head, rows, {"start": start, "end": end})


def _payment_months(site, lang: str, w: Words, label: str) -> Drawn:
    ages = list(PAYMENT_AGES)
    months = [payment_months(site.params, a, 0).outputs["months"] for a in ages]
    low, high = int(min(months)) // 20 * 20, -(-int(max(months)) // 20) * 20
    svg = svg_chart.line_chart(
        [svg_chart.Series("months", "", list(zip(ages, months, strict=True)))], label=label,
        x_of=float, x_ticks=[(float(a), str(a)) for a in ages if a % 2 == 0],
        y_ticks=[(float(v), str(v)) for v in range(low, high + 1, 20)],
        x_title=_w(w, "axis_x", lang), y_title=_w(w, "axis_y", lang))
    head = [_w(w, "table_x", lang), _w(w, "table_y", lang)]
    rows = [[_cell(str(a)), _cell(str(m), series="months", x=a, y=m)]
            for a, m in zip(ages, months, strict=True)]
    return Drawn(svg, head, rows, {"start": ages[0], "end": ages[-1]})


def pension_points(params) -> tuple[dict[str, object], dict[int, list[Decimal]]]:
    """The monthly pension by tier and years paid, as the guided estimate composes the rules:
    index = tier ÷ 100, the account built from nothing at the tier base, no deemed years."""
    jifa_year = params.latest_year("jifa_base")
    jifa = params.get("jifa_base", jifa_year).value
    start = params.latest_year("contribution_average_wage")
    rate_year = params.latest_year("account_interest_rate")
    months = payment_months(params, PENSION_AGE, 0).outputs["months"]
    totals = {}
    for tier in PENSION_TIERS:
        base = tier_base(params, start, tier).outputs["base"]
        totals[tier] = [pension_estimate(
            params, jifa, Decimal(tier) / 100, years, 0,
            account_projection(params, years, base, rate_year=rate_year).outputs["balance"],
            months).outputs["total"] for years in PENSION_YEARS]
    rate = params.get("account_interest_rate", rate_year).value
    return ({"age": PENSION_AGE, "year": jifa_year, "base": show(jifa, None), "start": start,
             "ry": rate_year, "rate": show(rate, "rate")}, totals)


def _pension_by_years(site, lang: str, w: Words, label: str) -> Drawn:
    values, totals = pension_points(site.params)
    series = [svg_chart.Series(f"tier:{t}", f"{t}%", list(zip(PENSION_YEARS, totals[t], strict=True)))
              for t in PENSION_TIERS]
    high = -(-int(max(max(v) for v in totals.values())) // 1000) * 1000
    step = 1000 if high <= 6000 else 2000
    svg = svg_chart.line_chart(
        series, label=label, x_of=float,
        x_ticks=[(float(y), str(y)) for y in PENSION_YEARS],
        y_ticks=[(float(v), f"{v:,}") for v in range(0, high + 1, step)],
        x_title=_w(w, "axis_x", lang), y_title=_w(w, "axis_y", lang))
    head = [_w(w, "table_x", lang)] + [w["table_y"][lang].format(p=f"{t}%") for t in PENSION_TIERS]
    rows = [[_cell(str(years))] + [_cell(f"{totals[t][n]:,.2f}", series=f"tier:{t}", x=years,
                                         y=totals[t][n]) for t in PENSION_TIERS]
            for n, years in enumerate(PENSION_YEARS)]
    return Drawn(svg, head, rows, values)


def _flexible_tiers(site, lang: str, w: Words, label: str) -> Drawn:
    params = site.params
    year, pairs = tier_bases(params)    # the same tiers and year as the calculator's table
    bases = [base for _, base in pairs]
    monthly = [flexible_contribution(params, year, b).outputs["monthly"] for b in bases]
    svg = svg_chart.bar_chart(
        [(f"{t}%", t, m, f"{m:,.2f}") for t, m in zip(TIERS, monthly, strict=True)],
        label=label, series="monthly", x_title=_w(w, "axis_x", lang), y_title=_w(w, "axis_y", lang))
    head = [_w(w, "table_x", lang), _w(w, "table_base", lang), _w(w, "table_y", lang)]
    rows = [[_cell(f"{t}%"), _cell(f"{b:,}"), _cell(f"{m:,.2f}", series="monthly", x=t, y=m)]
            for t, b, m in zip(TIERS, bases, monthly, strict=True)]
    return Drawn(svg, head, rows, {"year": year})


CHARTS: dict[str, Callable[..., Drawn]] = {
    "retirement-age": _retirement_age,
    "min-years": _min_years,
    "payment-months": _payment_months,
    "pension-by-years": _pension_by_years,
    "flexible-tiers": _flexible_tiers,
}


# --- The figure around a chart ----------------------------------------------------------------

def _table(drawn: Drawn) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in drawn.head)
    body = []
    for row in drawn.rows:
        cells = []
        for n, (text, data) in enumerate(row):
            attrs = "".join(f' data-{k}="{html.escape(str(v), quote=True)}"' for k, v in data.items())
            tag = "th scope=\"row\"" if n == 0 else "td"
            cells.append(f"<{tag}{attrs}>{html.escape(text)}</{tag.split()[0]}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def figure(site, chart_id: str, lang: str, *, heading_id: str | None = None) -> str:
    """The chart as one HTML block. With ``heading_id`` (the charts page) the title is the
    heading just above, which names the figure; elsewhere the figcaption starts with it."""
    w = words(site, chart_id)
    title = _w(w, "title", lang)
    label = ui(site.ui, "chart_label", lang, t=title)
    drawn = CHARTS[chart_id](site, lang, w, label)
    try:
        caption = w["caption"][lang].strip().format(**drawn.values)
    except (KeyError, IndexError) as err:
        raise DataError(FILE, f"{w.key('caption')}.{lang}", w["caption"][lang],
                        f"only the placeholders {sorted(drawn.values)}") from err
    shown_title = "" if heading_id else f'<strong class="chart-title">{html.escape(title)}</strong> '
    named = f' aria-labelledby="{heading_id}"' if heading_id else ""
    fig_id = "" if heading_id else f' id="chart-{chart_id}"'
    return (f'<figure class="chart" data-chart="{chart_id}"{fig_id}{named}>\n'
            f"<figcaption>{shown_title}{html.escape(caption)}</figcaption>\n"
            f'<div class="chart-plot">{drawn.svg}</div>\n'
            f'<details class="chart-data"><summary>{html.escape(ui(site.ui, "chart_data", lang))}'
            f'</summary>\n<div class="chart-table">{_table(drawn)}</div>\n</details>\n</figure>\n')


def charts_page(site, lang: str) -> str:
    """Every chart under its own heading: the charts page (docs/charts.md)."""
    out = []
    for chart_id in ids(site):
        out.append(f"## {_w(words(site, chart_id), 'title', lang)} {{#{chart_id}}}\n")
        out.append(figure(site, chart_id, lang, heading_id=chart_id))
    return "\n".join(out)


