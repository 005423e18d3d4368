"""Measure pages and their worked examples print cleanly on A4: Chromium's PDF (print media) has
the content, the worked examples, and none of the menus, buttons or footer."""

from __future__ import annotations

import re
import subprocess

import pytest
from browser import PHONE

pytestmark = pytest.mark.browser   # needs pdftotext (poppler-utils): make system-deps
PAGES = ["/measures/basic-pension/", "/en/measures/basic-pension/",
         "/measures/enrolment-and-contributions/", "/en/measures/contribution-support/"]


@pytest.fixture(scope="module")
def served(served_site, browser):
    return served_site[0], browser


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", PAGES)
def test_measure_page_prints_content_without_navigation(served, path, tmp_path):
    base, browser = served
    context = browser.new_context(viewport=PHONE)
    # Large text on: the print must still be normal size on paper, without the buttons.
    context.add_init_script("localStorage.setItem('a11y-large', '1')")
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    page.locator(".reading-options__toggle").click()   # left open: still not on paper
    facts = page.evaluate("""() => {
        const article = document.querySelector('article.md-content__inner');
        const own = article.textContent.replace(/\\s+/g, '');
        const chrome = [...document.querySelectorAll(
            '.md-nav--primary .md-nav__link, .md-footer a, .a11y-btn, .md-header__topic')]
          .map(e => e.textContent.trim()).filter(t => t.length >= 3 && !own.includes(t.replace(/\\s+/g, '')));
        return {
          h1: article.querySelector('h1').firstChild.textContent.trim(),
          paragraphs: [...article.querySelectorAll('p')].map(p => p.textContent.trim())
                         .filter(t => t.length > 20).slice(0, 3),
          examples: [...article.querySelectorAll('[id^=example-]')].map(
            e => e.textContent.replace(/\u2060?#$/, '').trim()),   // the share "#" is not printed
          chrome: [...new Set(chrome)],
        };
    }""")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=False)
    context.close()

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "(A4)" in info, info
    text = squash(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                 text=True, check=True).stdout)
    assert squash(facts["h1"]) in text
    for para in facts["paragraphs"]:
        assert squash(para)[:30] in text, para
    # pdftotext pulls the Latin digits of a bold CJK heading out of line, so compare the rest.
    no_digits = re.sub(r"[0-9]", "", text)
    for heading in facts["examples"]:
        assert re.sub(r"[0-9]", "", squash(heading)) in no_digits, heading
    assert facts["chrome"], "expected menu and button labels to compare with"
    leaked = [label for label in facts["chrome"] if squash(label) in text]
    assert not leaked, leaked
    for word in ["大字模式", "Largetext", "朗读本页", "Readaloud"]:
        assert word not in text


def test_a_worked_example_has_its_steps_on_paper(served, tmp_path):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "/en/measures/basic-pension/", wait_until="networkidle")
    example = page.locator("[id^=example-]").first
    assert example.count() == 1
    # The text right after the example heading (its story and first step) is printed.
    after = page.evaluate("""() => {
        let e = document.querySelector('[id^=example-]').nextElementSibling, out = [];
        while (e && !/^H[1-3]$/.test(e.tagName) && out.length < 3) {
          if (e.textContent.trim().length > 15) out.push(e.textContent.trim()); e = e.nextElementSibling; }
        return out; }""")
    pdf = tmp_path / "example.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                 check=True).stdout)
    assert after
    for block in after:
        assert squash(block)[:25] in text, block


def test_a_printed_calculator_result_carries_a_qr_code_of_the_filled_in_link(served, tmp_path):
    base, browser = served
    page = browser.new_page()
    page.goto(base + "/calculators/retirement-age/?birth=1971-04&category=male", wait_until="networkidle")
    pdf = tmp_path / "calc.pdf"
    page.pdf(path=str(pdf), format="A4")   # fires beforeprint: the QR code is redrawn for this address
    shown = page.locator(".page-qr__url").text_content()
    page.close()
    text = squash(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                 check=True).stdout)
    assert shown.endswith("/calculators/retirement-age/?birth=1971-04&category=male")
    assert squash(shown) in text
