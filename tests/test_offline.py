"""Pages a reader has opened open again without a network (docs/sw.js), in a real browser against
the nginx-served site; pages never opened are not made up."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def open_through_the_worker(page, url: str) -> None:
    """Open url, wait for the offline worker to be running, and open it again: the second load
    goes through the worker, which keeps a copy of the page and everything it loaded."""
    page.goto(url)
    assert page.evaluate("""Promise.race([navigator.serviceWorker.ready.then(() => true),
                                          new Promise(done => setTimeout(() => done(false), 10000))])"""), \
        "no offline worker started"
    page.reload(wait_until="networkidle")
    assert page.evaluate("!!navigator.serviceWorker.controller")


def test_a_page_read_once_opens_again_offline(page, site_data):
    url = f"{page.base}/en/measures/basic-pension/"
    open_through_the_worker(page, url)
    page.context.set_offline(True)
    page.goto("about:blank")
    page.goto(url)
    expect(page.locator("article h1")).to_be_visible()
    assert page.locator("article h2#who").count() == 1
    # The site's own styles came from the copy too (Material's layout, not bare HTML).
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("sticky", "fixed")
    title = page.title().rsplit(" - ", 1)[0]   # without the site's name
    # A page never opened is not invented: a plain notice in the page's language says so, and
    # lists the pages saved in that language, by their titles.
    response = page.goto(f"{page.base}/en/faq/")
    assert response.status == 503
    expect(page.locator("h1")).to_have_text(site_data.ui["offline_title"]["en"])
    saved = page.locator("li a")
    expect(saved).to_have_count(1)
    expect(saved).to_have_text(title)
    saved.click()
    expect(page).to_have_url(url)
    expect(page.locator("article h1")).to_be_visible()
    page.goto(f"{page.base}/en/faq/")
    page.get_by_role("link", name=site_data.ui["offline_home"]["en"]).click()
    expect(page).to_have_url(f"{page.base}/en/")   # the home page was never opened either…
    expect(page.locator("h1")).to_have_text(site_data.ui["offline_title"]["en"])


def test_the_offline_notice_speaks_chinese_on_chinese_pages(page, site_data):
    open_through_the_worker(page, f"{page.base}/")
    page.context.set_offline(True)
    page.goto(f"{page.base}/faq/")
    expect(page.locator("p").first).to_have_text(site_data.ui["offline_body"]["zh"])
    # In English nothing was saved: the Chinese pages are offered rather than a dead end.
    page.goto(f"{page.base}/en/faq/")
    expect(page.locator("h1")).to_have_text(site_data.ui["offline_title"]["en"])
    expect(page.locator("li a")).to_have_attribute("href", f"{page.base}/")
    page.goto(f"{page.base}/faq/")
    page.get_by_role("link", name=site_data.ui["offline_home"]["zh"]).click()
    expect(page.locator("article h1")).to_be_visible()   # …but this home page was: its copy opens


def test_a_calculator_opened_once_calculates_offline_for_any_filled_in_link(page):
    open_through_the_worker(page, f"{page.base}/calculators/retirement-age/")
    page.context.set_offline(True)
    page.goto("about:blank")
    page.goto(f"{page.base}/calculators/retirement-age/?birth=1971-04&category=female55")
    expect(page.locator(".calc-headline [data-output=retire]")).to_have_attribute("data-value", "2026-08")


def test_online_readers_get_the_page_from_the_server_not_the_copy(page):
    open_through_the_worker(page, f"{page.base}/measures/basic-pension/")
    response = page.goto(f"{page.base}/measures/basic-pension/")
    # Through the worker, but fetched from nginx (its headers), not replayed from the copy.
    assert response.from_service_worker
    assert "max-age=300" in response.headers.get("cache-control", "")
    assert response.headers.get("content-security-policy")
