"""The charts (hooks/render/charts.py): every plotted value is what the rules give, the table
under each chart holds the same values, the drawing puts them where they belong, and both
languages carry the same charts. Bad chart data stops the build with a message."""

from __future__ import annotations

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from test_data_errors import edit, error_of

from pension.contributions import flexible_contribution, tier_base
from pension.estimate import pension_estimate
from pension.min_years import min_contribution
from pension.payment_months import payment_months
from pension.projection import account_projection
from pension.retirement import CATEGORIES, retirement_age

CHARTS = ["retirement-age", "min-years", "payment-months", "pension-by-years", "flexible-tiers"]
LANGS = {"zh": "", "en": "en/"}


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _figures(site, lang_prefix: str) -> dict:
    soup = _soup(site, f"{lang_prefix}charts")
    return {fig["data-chart"]: fig for fig in soup.select("figure.chart")}


def _plotted(fig) -> dict[tuple[str, str], str]:
    marks = fig.select("svg circle[data-y], svg rect[data-y]")
    return {(m["data-series"], m["data-x"]): m["data-y"] for m in marks}


def _tabled(fig) -> dict[tuple[str, str], str]:
    cells = fig.select("details table [data-y]")
    return {(c["data-series"], c["data-x"]): c["data-y"] for c in cells}


def _months(age: dict) -> int:
    return age["years"] * 12 + age["months"]


def _expected(params, chart: str, series: str, x: str) -> Decimal:
    """What the rules give for one plotted point, composed here from pension/ alone."""
    if chart == "retirement-age":
        return Decimal(_months(retirement_age(params, x, series).outputs["age"]))
    if chart == "min-years":
        return Decimal(min_contribution(params, int(x)).outputs["months"])
    if chart == "payment-months":
        return payment_months(params, int(x), 0).outputs["months"]
    if chart == "pension-by-years":
        tier, years = int(series.removeprefix("tier:")), int(x)
        start = params.latest_year("contribution_average_wage")
        base = tier_base(params, start, tier).outputs["base"]
        balance = account_projection(params, years, base,
                                     rate_year=params.latest_year("account_interest_rate"))
        jifa = params.get("jifa_base", params.latest_year("jifa_base")).value
        return pension_estimate(params, jifa, Decimal(tier) / 100, years, 0,
                                balance.outputs["balance"],
                                payment_months(params, 60, 0).outputs["months"]).outputs["total"]
    year = min(params.latest_year("contribution_average_wage"),
               params.latest_year("contribution_base_limits"))
    base = tier_base(params, year, int(x)).outputs["base"]
    return flexible_contribution(params, year, base).outputs["monthly"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_plotted_value_is_the_rules_result_and_the_table_holds_the_same(built_site, site_data, lang):
    figures = _figures(built_site, LANGS[lang])
    assert sorted(figures) == sorted(CHARTS)
    for chart, fig in figures.items():
        plotted, tabled = _plotted(fig), _tabled(fig)
        assert len(plotted) >= 5, chart
        assert plotted == tabled, f"{chart}: the table and the plot differ"
        for (series, x), y in plotted.items():
            assert Decimal(y) == _expected(site_data.params, chart, series, x), (chart, series, x)


def test_the_charts_cover_what_they_say(built_site, site_data):
    params = site_data.params
    figs = _figures(built_site, "")
    # the ramp: three groups, January births, until every group has its full delay
    points = _plotted(figs["retirement-age"])
    assert {s for s, _ in points} == set(CATEGORIES)
    births = sorted({x for _, x in points})
    last = births[-1]
    assert all(retirement_age(params, last, c).outputs["delay_months"] ==
               params.get("retirement_schedule", "2025-01-01").value[c]["max_delay_months"]
               for c in CATEGORIES)
    assert all(retirement_age(params, births[0], c).outputs["delay_months"] == 0 for c in CATEGORIES)
    # the minimum years: from 2025 to the last year in the table, when it reaches 20 years
    years = sorted(int(x) for _, x in _plotted(figs["min-years"]))
    assert years == list(range(2025, years[-1] + 1))
    assert _plotted(figs["min-years"])[("minimum", str(years[-1]))] == "240"
    # 多缴多得、长缴多得: more years and a higher tier each give more
    pension = {(int(s[5:]), int(x)): Decimal(y) for (s, x), y in _plotted(figs["pension-by-years"]).items()}
    tiers, spans = sorted({t for t, _ in pension}), sorted({n for _, n in pension})
    assert tiers[0] == 60 and tiers[-1] == 300
    for t in tiers:
        assert [pension[(t, n)] for n in spans] == sorted(pension[(t, n)] for n in spans)
    for n in spans:
        assert [pension[(t, n)] for t in tiers] == sorted(pension[(t, n)] for t in tiers)
    # the flexible workers' chart is the calculator page's table, tier by tier
    calc = _soup(built_site, "calculators/flexible-contribution")
    table = next(t for t in calc.select("table") if not t.find_parent("figure"))
    monthly = {row.select("td")[0].get_text(): row.select("td")[2].get_text()
               for row in table.select("tbody tr")}
    bars = _plotted(figs["flexible-tiers"])
    assert {f"{x}%": f"{Decimal(y):,.2f}" for (_, x), y in bars.items()} == monthly


def test_the_drawing_puts_each_value_in_its_place(built_site):
    """Higher values are drawn higher (or longer), in proportion: the picture is the numbers."""
    for chart, fig in _figures(built_site, "").items():
        if chart == "flexible-tiers":
            bars = [(Decimal(r["data-y"]), float(r["width"])) for r in fig.select("svg rect")]
            ratio = bars[-1][1] / float(bars[-1][0])
            assert all(abs(w - float(v) * ratio) < 0.2 for v, w in bars), chart
            continue
        points = [(float(c["data-y"]), float(c["cy"])) for c in fig.select("svg circle")]
        (y0, p0), (y1, p1) = min(points), max(points)
        assert p1 < p0, f"{chart}: a larger value must be drawn higher"
        for y, p in points:   # cy is a straight-line function of the value
            assert abs(p - (p0 + (y - y0) * (p1 - p0) / (y1 - y0))) < 0.2, (chart, y)


def test_both_languages_have_the_same_charts_and_anchors(built_site):
    zh, en = _figures(built_site, ""), _figures(built_site, "en/")
    assert {c: _plotted(f) for c, f in zh.items()} == {c: _plotted(f) for c, f in en.items()}
    for lang in LANGS.values():
        soup = _soup(built_site, f"{lang}charts")
        for chart in CHARTS:
            heading = soup.select_one(f"h2#{chart}")
            fig = soup.select_one(f'figure[data-chart="{chart}"]')
            assert heading and fig["aria-labelledby"] == chart
            svg = fig.select_one("svg")
            # one image with a name that points to the table, which is in the same figure
            assert svg["role"] == "img" and svg["aria-label"].startswith(heading.get_text().strip("#⁠ "))
            assert fig.select_one("details.chart-data table")
            assert fig.select_one("figcaption").get_text(strip=True)
            # nothing to fetch: no image, link or font inside the drawing
            assert not svg.select("image, use, a, style, script, foreignObject")
            assert "url(" not in str(svg) and "href" not in str(svg)


@pytest.mark.parametrize(("page", "charts"), [
    ("measures/basic-pension", ["pension-by-years", "payment-months"]),
    ("measures/enrolment-and-contributions", ["flexible-tiers"]),
    ("guides/near-retirement", ["retirement-age", "min-years"]),
    ("guides/flexible-workers", ["flexible-tiers"]),
])
def test_each_chart_is_where_a_reader_needs_it(built_site, page, charts):
    for lang in LANGS.values():
        soup = _soup(built_site, lang + page)
        assert [f["data-chart"] for f in soup.select("figure.chart")] == charts, lang + page
        for chart in charts:   # titled where it stands, with a stable anchor
            fig = soup.select_one(f"figure#chart-{chart}")
            assert fig.select_one("figcaption strong.chart-title").get_text(strip=True)


@pytest.mark.parametrize(("page", "charts"), [
    ("calculators/retirement-age", ["retirement-age", "min-years"]),
    ("calculators/pension-estimate", ["payment-months", "pension-by-years"]),
    ("calculators/flexible-contribution", ["flexible-tiers"]),
])
def test_calculator_pages_link_to_their_charts_without_the_weight(built_site, page, charts):
    """A calculator page is at the 100 KB budget with its scripts: it links to the charts."""
    for lang in LANGS.values():
        soup = _soup(built_site, lang + page)
        assert not soup.select("figure.chart svg")
        linked = [a["href"].rsplit("#", 1)[1] for a in soup.select('article a[href*="charts/#"]')]
        assert linked == charts, lang + page


def test_a_chart_that_does_not_exist_is_refused(data_copy):  # noqa: F811
    edit(data_copy, "measures/basic-pension.yml",
         lambda m: m["sections"][0].update(charts=["no-such-chart"]))
    msg = error_of(data_copy)
    assert "data/measures/basic-pension.yml" in msg and "sections[0].charts[0]" in msg
    assert "no-such-chart" in msg and "chart id" in msg


def test_a_guide_naming_an_unknown_chart_is_refused(data_copy):  # noqa: F811
    edit(data_copy, "guides/near-retirement.yml", lambda g: g.update(charts=["ramp"]))
    msg = error_of(data_copy)
    assert "data/guides/near-retirement.yml" in msg and "charts[0]" in msg and "'ramp'" in msg


def test_chart_words_without_a_chart_and_a_chart_without_words_are_refused(site_data):
    from hooks.load.schema import DataError
    from hooks.render import charts

    class Site:
        pass

    site = Site()
    site.charts = [*site_data.charts, {"id": "pie", "title": {"zh": "饼", "en": "Pie"}}]
    with pytest.raises(DataError, match=r"data/charts.yml: charts\[5\].id: expected a chart the "
                       r"build can draw.*got 'pie'"):
        charts.check(site)
    site.charts = site_data.charts[1:]
    with pytest.raises(DataError, match=r"data/charts.yml: charts.*words for every chart, also retirement-age"):
        charts.check(site)

