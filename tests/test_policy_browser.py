"""The force of each claim is visible text at 390×844, in normal and large text, in high contrast
and on paper; the fold opens to the original text; a cite lands on its sentence."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
MEASURE = "/measures/enrolment-and-contributions/"


def force_labels(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('#changes ~ ul.claims .claim-force')]
        .map(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                    return {text: e.innerText.trim(), left: r.left, right: r.right,
                            width: r.width, height: r.height, size: parseFloat(s.fontSize),
                            visible: s.visibility === 'visible' && s.display !== 'none',
                            border: parseFloat(s.borderTopWidth)}; })""")


def check_labels(labels: list[dict], word: str) -> None:
    assert labels
    for label in labels:
        assert label["visible"] and label["text"] == word
        assert label["width"] > 0 and label["height"] > 0
        assert 0 <= label["left"] and label["right"] <= 390      # not cut off at the phone's edge
        assert label["border"] >= 1                               # a box, not colour alone


@pytest.mark.parametrize(("path", "word", "switch"), [(MEASURE, "规定", "大字模式"),
                                                      ("/en" + MEASURE, "Rule", "Large text")])
def test_force_label_is_visible_text_in_normal_and_large_text(page, path, word, switch):
    page.goto(page.base + path)
    page.locator("#changes").scroll_into_view_if_needed()
    normal = force_labels(page)
    check_labels(normal, word)
    assert page.locator(".claim-force").first.is_visible()
    page.get_by_role("button", name=switch).click()
    large = force_labels(page)
    check_labels(large, word)
    assert large[0]["size"] >= 1.3 * normal[0]["size"] - 0.01


def test_force_label_shows_in_high_contrast_and_in_print(page):
    page.goto(page.base + MEASURE)
    page.get_by_role("button", name="高对比度").click()
    check_labels(force_labels(page), "规定")
    page.emulate_media(media="print")
    labels = force_labels(page)
    check_labels(labels, "规定")


def test_the_fold_opens_to_the_clause_and_a_cite_lands_on_its_sentence(page):
    page.goto(page.base + "/en" + MEASURE)
    fold = page.locator("details.policy-fold")
    quote = fold.locator("blockquote")
    assert not quote.is_visible()
    fold.locator("summary").click()
    assert quote.is_visible() and "允许取得永久居留资格的外国人" in quote.inner_text()
    page.locator("#changes ~ ul.claims a.claim-cite").nth(1).click()
    page.wait_for_url("**/en/policy/#c4-2")
    box = page.locator("[id='c4-2']").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert header["y"] + header["height"] <= box["y"] < 844   # below the fixed header, on screen
