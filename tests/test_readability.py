"""Plain English, measured: the Flesch–Kincaid grade of every English page's running text.

Many English readers read English as a second language. Every page must read at grade 10 or
below, and the median page at grade 7 or below. The whole-document translation of the policy
(/en/policy/) is exempt: it follows the policy's own sentences. What counts as running text, and
what is left out, is written at the top of bench/readability.py. Both of its measures are held to
the limits: "units" (each heading, list item and cell ends a sentence) and "joined" (blocks joined
with no full stop added, as issue 10 measured). `pytest -s` prints the table.
"""

from __future__ import annotations

import pytest

from bench.readability import EXEMPT, MEASURES, grade, joined_text, median, page_grades, running_text, table

PAGE_MAX = 10.0
MEDIAN_MAX = 7.0


@pytest.fixture(scope="module")
def grades(built_site):
    found = page_grades(built_site)
    print("\nFlesch–Kincaid grade of each English page\n" + table(found))
    return found


def test_every_english_page_is_measured(grades):
    # The site's sections are all there, so a page that moved out of site/en would be noticed.
    for measure in MEASURES:
        for page in ("", "about/", "glossary/", "faq/", "measures/basic-pension/",
                     "guides/employees/", "calculators/pension-estimate/"):
            assert page in grades[measure], sorted(grades[measure])


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_every_english_page_reads_at_grade_10_or_below(grades, measure):
    hard = {page: value for page, value in grades[measure].items()
            if page not in EXEMPT and value > PAGE_MAX}
    assert not hard, f"{measure}: pages above grade {PAGE_MAX}: {hard}"


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_the_median_english_page_reads_at_grade_7_or_below(grades, measure):
    assert median(grades[measure]) <= MEDIAN_MAX, table(grades)


def test_the_measure_fails_hard_english_and_passes_plain_english():
    # Policy-style English (one long sentence of long words) must score far above the limit,
    # and the site's own style well below it: the test above can fail.
    hard = ("<article class='md-content__inner'><p>Comprehensively implement the national "
            "pooling of basic pension insurance for enterprise employees, continuously improve "
            "the mechanism for determining and adjusting basic pension benefits, and "
            "appropriately strengthen the redistributive function of the fundamental "
            "institutional arrangements.</p></article>")
    plain = ("<article class='md-content__inner'><h2>What changes<a class='headerlink'>#</a></h2>"
             "<p>You pay in each month. When you retire, you get a pension each month.</p>"
             "<p class='term-other'>Chinese: <span lang='zh'>企业职工基本养老保险</span></p></article>")
    assert grade(running_text(hard)) > 20
    assert grade(running_text(plain)) < 5


def test_left_out_parts_are_not_measured():
    html = ("<article class='md-content__inner'><h1>Title<a class='headerlink' href='#t'>#</a></h1>"
            "<p>You pay.</p><script>{\"x\": 1}</script><pre><code>python -m pension</code></pre>"
            "<details class='page-qr'><summary>QR code for this page</summary></details>"
            "<p class='faq-meta'>Measure: x</p><p class='measure-meta'>Clause (1) · Part 3</p>"
            "<p class='term-index'>All terms: a · b</p><p class='term-used'>Used on: c, d</p>"
            "<span lang='zh'>中文</span>"
            "<details class='policy-fold'><summary>Original text</summary><p>All departments "
            "concerned must genuinely raise their awareness.</p></details>"
            "<ul><li class='claim'>You may join. <a class='claim-cite' href='#c4-1'>"
            "<span class='claim-force'>Rule</span> clause (4), sentence 1</a></li></ul>"
            "<table><tr><th>Year</th><th>Months</th></tr><tr><td>2030</td><td>186</td></tr></table>"
            "<h2 id='sources'>Sources</h2><ul><li><a href='https://example.org/'>Long Official "
            "Document Title</a> · Confidence: high</li></ul></article>")
    assert running_text(html) == "Title. You pay. You may join. Sources. Confidence: high."
    assert joined_text(html) == "Title You pay. You may join. Sources · Confidence: high"


def test_the_joined_measure_runs_a_heading_without_a_stop_into_the_next_sentence():
    # The units measure ends the heading; the joined one does not, so it scores the page harder.
    html = ("<article class='md-content__inner'><h2>Where you claim your pension</h2>"
            "<p>You claim where you paid in last.</p><ul><li>Call the hotline</li>"
            "<li>Ask at your local office</li></ul></article>")
    assert joined_text(html) == ("Where you claim your pension You claim where you paid in last. "
                                 "Call the hotline Ask at your local office")
    assert running_text(html).count(".") == 4
    assert grade(joined_text(html)) > grade(running_text(html))
