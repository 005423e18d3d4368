"""axe-core (vendored, tests/vendor/axe.min.js) finds no violation on any page type, in both
languages, at phone size, served by deploy/nginx.conf; and the reading options work by keyboard."""

from __future__ import annotations

import json

import pytest
from browser import PHONE
from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = (ROOT / "tests" / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PAGES = ["", "measures/", "measures/basic-pension/", "measures/enrolment-and-contributions/",
         "kit/", "kit/guides/flexible-workers/", "kit/measures/enrolment-and-contributions/",
         "faq/", "glossary/", "guides/", "guides/flexible-workers/", "guides/hardship-groups/",
         "about/", "open-data/", "policy/", "charts/", "finder/", "no-such-page/"]


@pytest.fixture(scope="module")
def served(served_site, browser):
    return served_site[0], served_site[1], browser


def _pages(site) -> list[str]:
    pages = list(PAGES)
    pages += [p.parent.relative_to(site).as_posix() + "/"
              for p in sorted(site.glob("calculators/*/index.html"))]
    return [p for p in pages if (site / p / "index.html").exists() or p == "no-such-page/"]


def _axe(page) -> list[dict]:
    page.add_script_tag(content=AXE)  # as a script element: allowed by Playwright's CDP bypass
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
    }""")
    return result


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("mode", ["default", "large+contrast"])
def test_axe_finds_no_violation(served, lang, mode):
    base, site, browser = served
    # bypass_csp only lets the test inject axe; the site itself is checked under the CSP
    # in tests/test_nginx.py.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    if mode != "default":
        context.add_init_script("localStorage.setItem('a11y-large','1');"
                                "localStorage.setItem('a11y-contrast','1');")
    page = context.new_page()
    failures = {}
    for path in _pages(site):
        page.goto(f"{base}/{lang}{path}", wait_until="networkidle")
        violations = _axe(page)
        if violations:
            failures[lang + path] = violations
    context.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)


def test_reading_options_work_by_keyboard(served):
    base, _, browser = served
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "/measures/basic-pension/", wait_until="networkidle")
    active = "document.activeElement.dataset.a11y || document.activeElement.className"
    # Tab from the top of the page reaches the reading options button in the header.
    for _ in range(15):
        page.keyboard.press("Tab")
        if "reading-options__toggle" in page.evaluate(active):
            break
    else:
        pytest.fail("the reading options button is not reachable by Tab")
    opener = page.locator(".reading-options__toggle")
    assert opener.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert opener.get_attribute("aria-expanded") == "true"
    # The options come next in the Tab order; each says whether it is on.
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "large"
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.classList.contains('a11y-large')")
    assert page.get_attribute("[data-a11y=large]", "aria-pressed") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate(active) == "contrast"
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.classList.contains('a11y-contrast')")
    assert page.get_attribute("[data-a11y=contrast]", "aria-pressed") == "true"
    # A visible focus ring.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    # Esc closes the panel and puts the focus back on its button.
    page.keyboard.press("Escape")
    assert page.locator(".reading-options__panel").is_hidden()
    assert opener.get_attribute("aria-expanded") == "false"
    assert "reading-options__toggle" in page.evaluate(active)
    # Tabbing out of the open panel closes it too.
    page.keyboard.press("Enter")
    for _ in range(4):
        page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.closest('.reading-options')")
    assert page.locator(".reading-options__panel").is_hidden()
    context.close()


def test_section_labels_in_the_menu_are_named_without_aria_label(served):
    """axe-core 4.14 (aria-prohibited-attr) forbids aria-label on a <label>; the icon-only labels
    that open a menu section still need a name, for themselves and for the section's <nav>."""
    base, _, browser = served
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base + "/en/measures/basic-pension/", wait_until="networkidle")
    found = page.evaluate("""() => [...document.querySelectorAll('nav.md-nav[aria-labelledby]')]
        .map(nav => { const label = document.getElementById(nav.getAttribute('aria-labelledby'));
                      return label && [label.tagName, label.hasAttribute('aria-label'),
                                       label.textContent.trim()]; })""")
    context.close()
    assert found
    labels = [f for f in found if f and f[0] == "LABEL"]
    assert labels and not [f for f in labels if f[1] or not f[2]], labels
    assert "The 15 measures" in [f[2] for f in labels]


FILLED_CALCULATORS = ["calculators/pension-estimate/?mode=guided&birth=1980-01&category=male&paid=10&tier=60",
                      "calculators/retirement-age/?birth=1980-01&category=female50"]


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("mode", ["default", "large+contrast"])
def test_axe_finds_no_violation_on_calculators_with_results(served, lang, mode):
    """With a result, its working and the scenario tables and charts under it."""
    base, _, browser = served
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    if mode != "default":
        context.add_init_script("localStorage.setItem('a11y-large','1');"
                                "localStorage.setItem('a11y-contrast','1');")
    page = context.new_page()
    failures = {}
    for path in FILLED_CALCULATORS:
        page.goto(f"{base}/{lang}{path}", wait_until="networkidle")
        page.wait_for_selector(".calc-scenarios")
        violations = _axe(page)
        if violations:
            failures[lang + path] = violations
    context.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)
