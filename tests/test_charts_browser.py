"""The charts in a real browser at 390×844: every label inside its drawing, no two labels on top
of each other, and text a reader can read, at normal size and in large text (where a chart grows
with the text and scrolls sideways), in both languages; and print keeps each chart whole."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Every <text> of every chart: its box on the screen, and the rendered font size.
MEASURE = """() => [...document.querySelectorAll('figure.chart')].map(fig => {
    const svg = fig.querySelector('svg').getBoundingClientRect();
    const labels = [...fig.querySelectorAll('svg text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                px: r.height};
    });
    const plot = fig.querySelector('.chart-plot');
    return {chart: fig.dataset.chart, svg: {left: svg.left, right: svg.right, top: svg.top,
            bottom: svg.bottom, width: svg.width}, labels,
            scrolls: plot.scrollWidth > plot.clientWidth};
})"""


def _overlap(a: dict, b: dict) -> bool:
    slack = 0.5   # glyph boxes include a little leading
    return (a["left"] < b["right"] - slack and b["left"] < a["right"] - slack
            and a["top"] < b["bottom"] - slack and b["top"] < a["bottom"] - slack)


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("large", [False, True])
def test_chart_labels_fit_and_do_not_overlap(page, lang, large):
    if large:
        page.add_init_script("localStorage.setItem('a11y-large','1')")
    page.goto(f"{page.base}/{lang}charts/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.classList.contains('a11y-large')") == large
    charts = page.evaluate(MEASURE)
    assert len(charts) == 5
    for chart in charts:
        box, labels = chart["svg"], chart["labels"]
        for label in labels:
            assert box["left"] - 0.5 <= label["left"] and label["right"] <= box["right"] + 0.5, \
                (chart["chart"], label["text"], "outside the drawing")
            # 11 px is the least a phone reader can read; large text draws the chart 1.3× larger
            assert label["px"] >= (14 if large else 11), (chart["chart"], label["text"], label["px"])
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                assert not _overlap(a, b), (chart["chart"], a["text"], b["text"])
        # normal size: the whole chart fits the phone; large text: it scrolls sideways instead
        # of shrinking its words
        assert chart["scrolls"] == large, chart["chart"]
        if not large:
            assert box["width"] <= 390


def test_print_draws_lines_in_black_each_with_its_dashes_and_keeps_drawings_whole(page):
    page.goto(f"{page.base}/en/charts/", wait_until="networkidle")
    page.emulate_media(media="print")
    for style in page.evaluate("""() => [...document.querySelectorAll('.chart-plot')]
            .map(p => getComputedStyle(p).breakInside)"""):
        assert style == "avoid"
    colours = page.evaluate("""() => [...document.querySelectorAll('.chart-line')]
            .map(l => getComputedStyle(l).stroke)""")
    assert set(colours) == {"rgb(0, 0, 0)"}   # lines differ by dash pattern, not colour
    dashes = page.evaluate("""() => [...document.querySelectorAll(
            'figure[data-chart="pension-by-years"] .chart-line')].map(l => l.getAttribute('stroke-dasharray'))""")
    assert len(set(dashes)) == len(dashes) == 5
