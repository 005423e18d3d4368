"""The answer first: every calculator result opens with one sentence holding the figure the reader
came for (data/calculators.yml `headline`), then the other rows, in both languages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# (calculator, its inputs in the link, the headline's output, its data-value, the sentence zh, en)
CASES = [
    ("retirement-age", "birth=1971-04&category=female55", "retire", "2026-08",
     "您的法定退休时间是2026年8月。", "Your statutory retirement date is August 2026."),
    # 4 months (September to December) at 4311 × 20 % = 862.20 a month.
    ("job-leaver", "year=2025&leave_month=8&base=4311", "total", "3448.80",
     "离职后要补的这几个月，一共要缴3,448.80元。", "The months after you left cost 3,448.80 yuan in all."),
    ("flexible-contribution", "year=2025&base=4311&freq=quarter", "per_period", "2586.60",
     "您每次缴2,586.60元（按季）。", "You pay 2,586.60 yuan each time (every quarter)."),
    ("employee-contribution", "year=2025&wage=3000", "employee", "344.88",
     "您个人每月缴344.88元，全部记入您的个人账户。",
     "You pay 344.88 yuan each month, all of it into your personal account."),
    ("pension-estimate", "mode=direct&jifa_base=7688&index=1.3494&years=41.1&deemed_years=9.3"
     "&account_balance=268627.94&payment_months=139.0", "total", "6898.60",
     "您退休后大约能领6,898.60元/月（估算）。", "You would get about 6,898.60 yuan a month (estimate)."),
]


@pytest.mark.parametrize("lang", ["", "/en"])
@pytest.mark.parametrize("calc, query, name, value, zh, en", CASES, ids=[c[0] for c in CASES])
def test_the_result_opens_with_the_figure_in_one_sentence(page, lang, calc, query, name, value, zh, en):
    page.goto(f"{page.base}{lang}/calculators/{calc}/?{query}")
    page.wait_for_selector(".calc-headline")
    facts = page.evaluate("""(name) => {
        const out = document.querySelector('.calc-result');
        const blocks = [...out.children].map(e => e.tagName + (e.className ? '.' + e.className : ''));
        // The scenario tables under the result reuse the output names: not theirs.
        const values = [...out.querySelectorAll('[data-output="' + name + '"]')]
          .filter(v => !v.closest('.calc-scenarios'));
        return {blocks: blocks.slice(0, 3), sentence: out.querySelector('.calc-headline').textContent,
                inHeadline: values.map(v => !!v.closest('.calc-headline')),
                value: values.length ? values[0].dataset.value : null,
                rows: out.querySelectorAll('.calc-outputs dt').length};
    }""", name)
    # The heading, then the sentence, then the other rows.
    assert facts["blocks"] == ["H2", "P.calc-headline", "DL.calc-outputs"], facts
    assert facts["sentence"] == (en if lang else zh)
    # The figure is in the sentence only, once, with its value for tests and shared links.
    assert facts["inHeadline"] == [True] and facts["value"] == value
    assert facts["rows"] >= 2
