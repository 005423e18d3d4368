"""The explainer in a real browser (system Chromium via Playwright) at phone size 390×844."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from browser import PHONE
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ELSEWHERE = "https://example.org/"   # SITE_URL of a build served somewhere else (a mirror)


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    """The site built for ELSEWHERE but served on a loopback port, as a mirror or a preview
    address serves it. Yields (base URL, site folder)."""
    from bench.nginx_run import free_port, nginx_serving
    from bench.site import build

    site = tmp_path_factory.mktemp("mirror") / "site"
    build(site, ELSEWHERE)
    with nginx_serving(site, free_port()) as base:
        yield base, site


class _Links(HTMLParser):
    """Every address a reader can tap (<a href>, <area href>, <form action>) on one page."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = {"a": "href", "area": "href", "form": "action"}.get(tag)
        if key and attrs.get(key):
            self.found.append(attrs[key])


def test_no_link_a_reader_taps_leads_to_the_build_address(mirror):
    # Only <link rel=canonical/alternate> (for search engines), the sitemap and the QR codes'
    # printed address carry SITE_URL; a tap must stay on whatever host serves the page.
    _, site = mirror
    host = urlsplit(ELSEWHERE).netloc
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 60
    bad = []
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        bad += [f"{page.relative_to(site)}: {url}" for url in parser.found
                if urlsplit(url).netloc == host]
    assert not bad, bad
    # The build did carry the address (the test would prove nothing otherwise).
    assert f'<link rel="canonical" href="{ELSEWHERE}' in (site / "index.html").read_text("utf-8")


@pytest.mark.parametrize("start, hreflang, expected", [
    ("/measures/basic-pension/?from=share#sources", "en",
     "/en/measures/basic-pension/?from=share#sources"),
    ("/en/calculators/retirement-age/?birth=1971-04&category=male", "zh",
     "/calculators/retirement-age/?birth=1971-04&category=male"),
    ("/en/no-such-page/", "zh", "/"),
])
def test_the_language_switch_works_on_any_address(mirror, browser, start, hreflang, expected):
    base = mirror[0]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base + start)
    switch_language(page, hreflang)
    page.wait_for_url(base + expected)
    assert page.locator("html").get_attribute("lang") == hreflang
    assert page.locator("article h1").count() == 1
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
    page.locator("label.md-header__button[for=__search]").click()   # starts fetching the index
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material reads the query on a key release, or once its index has loaded. fill() releases no
    # key, so the query was lost whenever the index was ready first: release one, as typing does.
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    # Material shows 10 results, then 4 more each time the list reaches its end; the line above
    # the list says how many there are. Scroll until all are there (no fixed wait per batch).
    items = page.locator(".md-search-result__item")
    found = re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())
    total = int(found.group()) if found else 1
    while (shown := items.count()) < total:
        # It notices the end only after a frame away from it: step back, let two frames pass, go.
        page.locator(".md-search__scrollwrap").evaluate("""el => new Promise(done => {
            el.scrollTo(0, el.scrollHeight - el.clientHeight - 100);
            requestAnimationFrame(() => requestAnimationFrame(() => {
                el.scrollTo(0, el.scrollHeight); done(); })); })""")
        expect(items).not_to_have_count(shown)
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


@pytest.mark.parametrize(("lang", "title"), [("", "本节的链接，可复制分享"),
                                             ("/en", "Link to this section, to copy and share")])
def test_the_share_link_beside_each_question_shows_on_a_touch_screen(page, lang, title):
    # The FAQ intro tells readers to copy the "#" beside a question; phones cannot hover.
    page.goto(f"{page.base}{lang}/faq/")
    link = page.locator("#can-i-enrol-without-an-employer .headerlink")
    assert page.evaluate("matchMedia('(hover: none)').matches")
    assert link.evaluate("e => getComputedStyle(e).opacity") == "1"
    assert link.get_attribute("title") == title
    assert link.get_attribute("href") == "#can-i-enrol-without-an-employer"


# Headings whose "#" ends a line: a "#" alone on the next line, under a long heading, looks like
# stray text. (mkdocs.yml toc.permalink starts with a word joiner; docs/assets/site.css.)
LONE_SHARE_LINKS = """() => [...document.querySelectorAll('article :is(h1, h2, h3) > a.headerlink')]
  .filter(a => {
    const before = document.createRange();
    before.setStart(a.parentElement, 0);
    before.setEndBefore(a);
    const lines = [...before.getClientRects()].filter(r => r.width > 0);
    const last = lines[lines.length - 1], me = a.getBoundingClientRect();
    return last && !(me.top < last.bottom - 2 && me.bottom > last.top + 2);
  }).map(a => a.parentElement.id)"""


@pytest.mark.parametrize("path", ["/faq/", "/en/faq/", "/en/guides/job-leavers/",
                                  "/measures/enrolment-and-contributions/"])
@pytest.mark.parametrize("large", [False, True])
def test_the_share_link_stays_on_the_line_of_its_heading(page, path, large):
    if large:
        page.context.add_init_script("localStorage.setItem('a11y-large', '1')")
    page.goto(page.base + path)
    assert page.locator("article h2 > a.headerlink").count() > 1
    assert page.evaluate(LONE_SHARE_LINKS) == []
