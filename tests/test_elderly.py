"""适老化 in a real browser at 390×844: the reading options are one header button away and leave the
first screen to the page's title; the large-text switch persists across pages and meets the MIIT
figures (text ≥ 1.3×, tap targets ≥ 60 px, line spacing ≥ 1.5); high contrast; read aloud only
where the browser can speak; no pop-ups."""

from __future__ import annotations

import pytest
from browser import PHONE
from conftest import ROOT

pytestmark = pytest.mark.browser
MEASURE = "/measures/basic-pension/"
OPTIONS = {"zh": "阅读设置", "en": "Reading options"}


def open_options(page, lang: str = "zh"):
    """Tap the header's reading options button, as a reader does; returns the button."""
    opener = page.get_by_role("button", name=OPTIONS[lang])
    assert opener.get_attribute("aria-expanded") == "false"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true"
    return opener


@pytest.mark.parametrize("lang", ["", "/en"])
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("size", [PHONE, {"width": 320, "height": 640}])
def test_the_first_screen_shows_the_title_not_buttons(browser, served_site, lang, large, size):
    context = browser.new_context(viewport=size, is_mobile=True, has_touch=True)
    if large:
        context.add_init_script("localStorage.setItem('a11y-large', '1')")
    page = context.new_page()
    page.goto(served_site[0] + lang + MEASURE)
    h1 = page.evaluate("""(() => { const r = document.querySelector('article h1').getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, screen: innerHeight}; })()""")
    # The options sit in the header, folded: nothing of theirs stands between it and the page.
    opener = page.locator(".md-header .reading-options__toggle")
    assert opener.is_visible() and page.locator(".reading-options__panel").is_hidden()
    box = opener.bounding_box()
    assert min(box["width"], box["height"]) >= (60 if large else 44), box
    if size == PHONE:
        assert h1["top"] < 0.4 * h1["screen"], h1
    assert 0 < h1["top"] and h1["bottom"] <= h1["screen"], h1   # the whole title is on screen
    context.close()


def test_the_options_panel_opens_closes_and_remembers(page):
    page.goto(page.base + "/en" + MEASURE)
    opener = open_options(page, "en")
    panel = page.locator("#" + opener.get_attribute("aria-controls"))
    assert panel.is_visible() and panel.get_attribute("role") == "group"
    switch = panel.get_by_role("button", name="Large text")
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert panel.is_visible()   # stays open: the reader sees the change and may pick another
    # The panel lies inside the screen, under the header, above the page.
    box, screen = panel.bounding_box(), page.viewport_size
    header = page.locator(".md-header").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"], box
    assert abs(box["y"] - (header["y"] + header["height"])) < 2, (box, header)
    # A tap outside (on the page, at the screen's bottom left) closes it.
    page.mouse.click(5, screen["height"] - 5)
    assert panel.is_hidden() and opener.get_attribute("aria-expanded") == "false"
    # The choice holds on the next page. Only the <head>'s inline script puts the class on <html>
    # at load (a11y.js does on a tap): so it is there before the first paint, no flash.
    page.goto(page.base + "/en/faq/")
    assert page.evaluate("document.documentElement.classList.contains('a11y-large')")
    open_options(page, "en")
    assert page.get_by_role("button", name="Large text").get_attribute("aria-pressed") == "true"


def body_font_px(page) -> float:
    return page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article.md-typeset p')).fontSize)")


def test_large_text_persists_across_pages_and_meets_the_figures(page):
    page.goto(page.base + MEASURE)
    normal = body_font_px(page)
    open_options(page)
    switch = page.get_by_role("button", name="大字模式")
    assert switch.is_visible()
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true"
    assert body_font_px(page) >= 1.3 * normal - 0.01

    # Another page, reached by a link: still on, before any click.
    page.goto(page.base + "/faq/")
    assert page.evaluate("document.documentElement.classList.contains('a11y-large')")
    open_options(page)
    assert page.get_by_role("button", name="大字模式").get_attribute("aria-pressed") == "true"
    size = body_font_px(page)
    assert size >= 1.3 * normal - 0.01
    line = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('article.md-typeset p')).lineHeight)")
    assert line >= 1.5 * size

    # Tap targets: the reading options (panel open), the header buttons and the menu links.
    sizes = page.evaluate("""() => [...document.querySelectorAll(
          '.a11y-btn:not([hidden]), .md-header__button:not(.md-logo), .md-nav--primary .md-nav__link')]
        .filter(e => e.offsetParent !== null || e.closest('.md-nav--primary'))
        .map(e => { const r = e.getBoundingClientRect();
                    return [e.className + ' ' + e.textContent.trim().slice(0, 20),
                            r.width, r.height]; })""")
    visible = [s for s in sizes if s[1] > 0 and s[2] > 0]
    assert visible
    small = [s for s in visible if s[2] < 60 or (s[1] < 60)]
    assert not small, small

    # The English pages share the setting, and the switch speaks English there.
    page.goto(page.base + "/en/")
    open_options(page, "en")
    assert page.get_by_role("button", name="Large text").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="Large text").click()
    page.goto(page.base + MEASURE)
    assert body_font_px(page) == pytest.approx(normal)


def test_menu_links_are_tall_enough_when_the_drawer_is_open(page):
    page.goto(page.base + MEASURE)
    open_options(page)
    page.get_by_role("button", name="大字模式").click()
    page.locator("label.md-header__button[for=__drawer]").click()
    # The drawer slides in (CSS transitions). Measure once they have ended: after a fixed wait a
    # slow machine could measure a half-open drawer, whose menu links are still off the screen.
    page.evaluate("""async () => { let moving;
        while ((moving = document.getAnimations().filter(a => a instanceof CSSTransition)).length)
            await Promise.allSettled(moving.map(a => a.finished)); }""")
    heights = page.evaluate("""() => [...document.querySelectorAll('.md-nav--primary .md-nav__link')]
        .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.left >= 0 && r.top >= 0
              && r.top < innerHeight).map(r => r.height)""")
    assert heights and min(heights) >= 60, heights


def test_high_contrast_is_black_on_white_and_persists(page):
    page.goto(page.base + MEASURE)
    open_options(page)
    page.get_by_role("button", name="高对比度").click()
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('article.md-typeset p')).color")
    assert colour == "rgb(0, 0, 0)"
    page.goto(page.base + "/")
    open_options(page)
    assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"


def test_read_aloud_is_offered_where_the_browser_can_speak(page):
    # Headless Chromium has no voices, so speak() is recorded instead of played.
    page.context.add_init_script("""if (window.speechSynthesis) {
        window.__spoken = [];
        speechSynthesis.speak = u => window.__spoken.push([u.lang, u.text]);
        speechSynthesis.cancel = () => window.__spoken.push(['cancel', '']);
    }""")
    page.goto(page.base + MEASURE)
    if not page.evaluate("'speechSynthesis' in window"):
        pytest.skip("this Chromium has no speechSynthesis")
    button = page.locator(".a11y-btn[data-a11y=speak]")
    open_options(page)
    assert button.is_visible()
    assert button.inner_text().strip().endswith("朗读本页")
    page.goto(page.base + "/en" + MEASURE)
    open_options(page, "en")
    assert button.is_visible() and button.inner_text().strip().endswith("Read aloud")
    title = page.locator("article h1").evaluate("e => e.firstChild.textContent").strip()
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert "Stop reading" in button.inner_text()
    spoken = page.evaluate("window.__spoken")
    texts = [t for lang, t in spoken if lang == "en-GB"]
    assert texts and texts[0] == title and all(len(t) <= 180 for t in texts)
    assert not any("#" == t.strip() for t in texts)
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate("window.__spoken")[-1][0] == "cancel"


def test_read_aloud_is_hidden_without_speech_synthesis(page):
    page.context.add_init_script(
        "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(page.base + MEASURE)
    assert page.evaluate("!('speechSynthesis' in window)")
    open_options(page)
    assert page.locator(".a11y-btn[data-a11y=speak]").is_hidden()
    assert page.get_by_role("button", name="大字模式").is_visible()


def test_no_pop_ups(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("popup", lambda p: dialogs.append(p.url))
    page.goto(page.base + MEASURE)
    open_options(page)
    for name in ["大字模式", "高对比度"]:
        page.get_by_role("button", name=name).click()
    page.wait_for_timeout(300)
    assert not dialogs


def test_screenshots_with_large_text(page, tmp_path):
    """Saved for people to look at (also by `make bench`): tmp folder of this test."""
    page.context.add_init_script("localStorage.setItem('a11y-large', '1')")
    for name, path in [("home", "/"), ("measure", MEASURE)]:
        page.goto(page.base + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
        # The site name in the header is shown whole (it may wrap), not cut to "安…".
        name_el = ".md-header__topic:first-child .md-ellipsis"
        assert page.evaluate(f"(e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight)"
                             f"(document.querySelector('{name_el}'))"), path
        page.screenshot(path=str(tmp_path / f"{name}-large.png"))
    assert (ROOT / "overrides" / "main.html").exists()
