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
         "faq/", "glossary/", "guides/", "guides/flexible-workers/", "guides/hardship-groups/",
         "about/", "policy/", "no-such-page/"]


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
    # Tab from the top of the page reaches the large-text switch within a few steps.
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.a11y") == "large":
            break
    else:
        pytest.fail("the large-text switch is not reachable by Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.classList.contains('a11y-large')")
    assert page.get_attribute("[data-a11y=large]", "aria-pressed") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.a11y") == "contrast"
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.classList.contains('a11y-contrast')")
    # A visible focus ring.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    context.close()
