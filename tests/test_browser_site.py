"""The explainer in a real browser (system Chromium via Playwright) at phone size 390×844."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from browser import CHROMIUM, FLAGS, PHONE, serve
from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """Built with site_url pointing at the test server, as production would be."""
    from playwright.sync_api import sync_playwright

    site = tmp_path_factory.mktemp("browser") / "site"
    with serve(site) as base:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base + "/"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                                 "--site-dir", str(site)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            yield base, browser
            browser.close()


@pytest.fixture
def page(served_site):
    base, browser = served_site
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.base = base
    yield page
    context.close()


def switch_language(page, hreflang: str) -> None:
    """Use the header's language menu the way a reader does: tap the button, then the language."""
    page.locator(".md-header__option .md-select button").click()
    page.locator(f"a.md-select__link[hreflang={hreflang}]").click()


def test_switching_language_keeps_the_measure_and_the_anchor(page):
    page.goto(f"{page.base}/measures/enrolment-and-contributions/#leaving-a-job-mid-year")
    assert page.locator("html").get_attribute("lang") == "zh"
    switch_language(page, "en")
    page.wait_for_url(re.compile(r"/en/measures/enrolment-and-contributions/#leaving-a-job-mid-year$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#leaving-a-job-mid-year").count() == 1


def test_switching_back_to_chinese_keeps_the_anchor(page):
    page.goto(f"{page.base}/en/measures/personal-pension/#sources")
    switch_language(page, "zh")
    page.wait_for_url(re.compile(r"//[^/]+/measures/personal-pension/#sources$"))
    assert page.locator("html").get_attribute("lang") == "zh"


def test_the_anchor_followed_after_loading_is_kept_too(page):
    page.goto(f"{page.base}/measures/contribution-support/")
    page.evaluate("location.hash = 'landless-farmers'")   # as when a reader taps a contents link
    switch_language(page, "en")
    page.wait_for_url(re.compile(r"/en/measures/contribution-support/#landless-farmers$"))


def _search(page, query: str) -> list[str]:
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill(query)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    # Material renders results in batches as the list scrolls: scroll until all are there.
    count = -1
    while count != page.locator(".md-search-result__item").count():
        count = page.locator(".md-search-result__item").count()
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(300)
    return page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query, slug", [
    ("灵活就业", "enrolment-and-contributions"),
    ("缴费基数", "enrolment-and-contributions"),
    ("个人养老金", "personal-pension"),
])
def test_chinese_search_finds_the_measure(page, query, slug):
    page.goto(page.base + "/")
    hrefs = _search(page, query)
    assert any(f"measures/{slug}/" in h for h in hrefs), hrefs


@pytest.mark.parametrize("query, slug", [
    ("subsidy", "contribution-support"),
    ("flexible", "enrolment-and-contributions"),
    ("annuity", "enterprise-annuity"),
])
def test_english_search_finds_the_measure(page, query, slug):
    page.goto(page.base + "/en/")
    hrefs = _search(page, query)
    assert any(f"measures/{slug}/" in h for h in hrefs), hrefs


def test_measure_page_fits_a_phone_screen(page):
    page.goto(f"{page.base}/measures/enrolment-and-contributions/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_no_request_leaves_the_host(page):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{page.base}/measures/basic-pension/")
    page.wait_for_load_state("networkidle")
    assert requests and all(r.startswith(page.base) or r.startswith("data:") for r in requests), \
        [r for r in requests if not r.startswith(page.base)]
