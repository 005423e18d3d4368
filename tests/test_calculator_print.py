"""A filled-in calculator prints as a one-page summary (docs/assets/js/calc/print.js and the print
rules in calculators.css): Chromium's A4 PDF (print media) has exactly one page, what was entered,
the headline before the other figures, the working, the sources, no buttons, and a QR code that
reads back as the same filled-in link. In both languages, for every calculator; the guided
pension estimate also with the longest working it can give (60 years of balances)."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
import zxingcpp
from browser import PHONE
from conftest import DATA
from PIL import Image

pytestmark = pytest.mark.browser   # needs pdfinfo, pdftotext and pdftoppm (poppler-utils)
WORDS = yaml.safe_load((DATA / "calculator_ui.yml").read_text(encoding="utf-8"))

# (calculator, inputs in the link, the label of an input the summary lists)
CASES = [
    ("retirement-age", "birth=1971-04&category=female55", "birth"),
    ("flexible-contribution", "year=2025&base=4311&freq=quarter&changes=7:5000", "changes"),
    ("employee-contribution", "year=2025&wage=3000", "wage"),
    ("pension-estimate", "mode=direct&jifa_base=7688&index=1.3494&years=41.1&deemed_years=9.3"
     "&account_balance=268627.94&payment_months=139.0", "deemed_years"),
    ("pension-estimate", "mode=guided&birth=1980-01&category=male&paid=10&tier=60", "tier"),
    # The longest working there is: 60 years to retirement, the most the rules look ahead
    # (pension/projection.py MAX_YEARS), so 67 steps.
    ("pension-estimate", "mode=guided&birth=2023-06&category=male&paid=0&tier=300", "paid"),
]
LONGEST = "mode=guided&birth=2023-06"


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("calc, query, field", CASES, ids=[c[0] + "-" + c[1][:12] for c in CASES])
def test_a_filled_in_calculator_prints_on_one_page(served_site, browser, tmp_path, lang, calc, query, field):
    base = served_site[0] + ("/en" if lang == "en" else "")
    context = browser.new_context(viewport=PHONE)
    if query.startswith(LONGEST):   # with large text and high contrast on: they are for the screen
        context.add_init_script("localStorage.setItem('a11y-large', '1'); localStorage.setItem('a11y-contrast', '1')")
    page = context.new_page()
    page.goto(f"{base}/calculators/{calc}/?{query}", wait_until="networkidle")
    page.wait_for_selector(".calc-headline")
    shown = page.evaluate("""() => ({
        link: location.href.split('#')[0],
        headline: document.querySelector('.calc-headline').textContent,
        rows: [...document.querySelectorAll('.calc-outputs dt')].map(e => e.textContent),
        steps: [...document.querySelectorAll('.calc-working li')].map(e => e.textContent),
        sources: document.querySelector('#sources + ul').textContent,
        printButton: document.querySelector('.calc-print').textContent})""")
    pdf = tmp_path / "summary.pdf"
    page.pdf(path=str(pdf), format="A4")   # print media; fires beforeprint (the QR code is redrawn)
    context.close()

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    assert "Pages:           1\n" in info, info
    text = squash(pdf_text(pdf))
    # What was entered, then the headline before every other figure, then the working.
    entered = text.find(squash(WORDS["entered"][lang]))
    label = text.find(squash(WORDS[field][lang]))
    result = text.find(squash(WORDS["result"][lang]), label)
    headline = text.find(squash(shown["headline"]))
    assert 0 <= entered < label < result, (entered, label, result)
    # Right under the result's heading: the headline, before every other figure.
    assert headline == result + len(squash(WORDS["result"][lang])), text[result:result + 80]
    for row in shown["rows"]:
        assert squash(row) in text[headline:], row
    # The working's last line, by its numbers (pdftotext may put the unit after a column break).
    last_sums = squash(shown["steps"][-1]).rsplit("=", 1)[0][-15:]
    assert text.find(last_sums) > headline, last_sums
    # pdftotext may pull the digits of a Chinese line out of it ("安徽省 年度…" then "2023"):
    # compare the sources' first words without digits.
    assert re.sub(r"[0-9]", "", squash(shown["sources"]))[:15] in re.sub(r"[0-9]", "", text)
    # No buttons on paper: not the print button itself, not copy link, not the reading options.
    assert shown["printButton"] == WORDS["print"][lang]
    for word in (WORDS["print"][lang], WORDS["copy"][lang], "大字模式", "Large text"):
        assert squash(word) not in text, word
    # The QR code on paper opens the same filled-in case.
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(tmp_path / "page")],
                   check=True)
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [code.text for code in found] == [shown["link"]]


def test_an_empty_calculator_prints_the_whole_page_without_the_print_button(served_site, browser, tmp_path):
    page = browser.new_page()
    page.goto(served_site[0] + "/calculators/pension-estimate/", wait_until="networkidle")
    page.wait_for_selector(".calc-prompt")
    assert not page.locator(".calc-print").is_visible()
    headings = page.locator("#assumptions, #tables").all_text_contents()
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = squash(pdf_text(pdf))
    # Nothing filled in: the tables readers use without the calculator are on paper.
    assert len(headings) == 2
    for heading in headings:
        assert squash(heading).rstrip("#").strip("\u2060") in text, heading
