"""The calculators in a real browser (system Chromium) at 390×844, in both languages: filling in,
deep links, the language switch keeping the inputs, and a message for each kind of bad input."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from hooks.render.examples import calculator_link

pytestmark = pytest.mark.browser
LANGS = ("", "/en")








def values(page):
    """The result: its headline sentence and its rows (not the scenario tables under it, whose
    rows reuse the names)."""
    page.wait_for_selector(".calc-form")
    return page.eval_on_selector_all(
        ":is(.calc-headline, .calc-outputs) [data-output]",
        "els => Object.fromEntries(els.map(e => [e.dataset.output, e.dataset.value]))")


def message(page, name):
    return page.locator(f"#calc-{name}-msg").inner_text()


def no_bad_text(page):
    text = page.locator(".calc").inner_text()
    for bad in ("NaN", "undefined", "Infinity", "null"):
        assert bad not in text


@pytest.mark.parametrize("lang", LANGS)
def test_retirement_age_fill_and_deep_link(page, lang):
    page.goto(f"{page.base}{lang}/calculators/retirement-age/")
    page.wait_for_selector(".calc-form")
    page.select_option("#calc-category", "female55")
    page.fill("#calc-birth", "１９７１-04")
    got = values(page)
    assert got["retire"] == "2026-08" and got["age_years"] == "55" and got["age_months"] == "4"
    assert got["delay_months"] == "4" and got["min_contribution_months"] == "180"
    # The address follows the inputs by history.replaceState; page.url hears of that later, by an
    # event, so check the page's own address (expect polls it).
    expect(page).to_have_url(re.compile("birth=1971-04"))
    expect(page).to_have_url(re.compile("category=female55"))
    page.goto(f"{page.base}{lang}/calculators/retirement-age/?birth=1965-01&category=male")
    got = values(page)
    assert (got["age_years"], got["age_months"], got["retire"]) == ("60", "1", "2025-02")
    assert page.locator(".calc-working li").count() >= 4
    no_bad_text(page)


@pytest.mark.parametrize("lang", LANGS)
def test_flexible_contribution(page, lang):
    page.goto(f"{page.base}{lang}/calculators/flexible-contribution/?year=2025&base=4311")
    got = values(page)
    assert got["monthly"] == "862.20" and got["quarterly"] == "2586.60"
    assert got["yearly"] == "10346.40" and got["personal_account_monthly"] == "344.88"
    page.fill("#calc-base", "2.1556万")
    assert values(page)["monthly"] == "4311.20"
    page.fill("#calc-base", "21,556")
    assert values(page)["monthly"] == "4311.20"
    page.fill("#calc-base", "4310")
    assert "4,311" in message(page, "base") and "21,556" in message(page, "base")
    assert page.get_attribute("#calc-base", "aria-invalid") == "true"
    page.click("#calc-base-msg button")
    assert values(page)["monthly"] == "862.20"
    page.select_option("#calc-how", "tier")
    page.fill("#calc-tier", "320")
    assert "300" in message(page, "tier")
    no_bad_text(page)


@pytest.mark.parametrize("lang", LANGS)
def test_job_leaver(page, lang):
    # Leaves in August 2025: September to December to declare by 31 December, pay by 30 June 2026.
    page.goto(f"{page.base}{lang}/calculators/job-leaver/?year=2025&leave_month=8&base=4311")
    got = values(page)
    assert (got["declare_by"], got["pay_by"]) == ("2025-12-31", "2026-06-30")
    assert (got["last_paid_month"], got["first_month"], got["month_count"]) == ("2025-08", "2025-09", "4")
    assert (got["base"], got["monthly"], got["total"]) == ("4311", "862.20", "3448.80")
    deadline = page.locator("[data-output=declare_by]").inner_text()
    assert deadline == ("31 December 2025" if lang else "2025年12月31日"), deadline
    assert page.locator(".calc-working li").count() == 3
    # The employer paid one month more; then the whole year.
    page.fill("#calc-last_paid_month", "9")
    assert values(page)["month_count"] == "3" and values(page)["total"] == "2586.60"
    page.fill("#calc-last_paid_month", "12")
    got = values(page)
    assert got["month_count"] == "0" and got["total"] == "0.00" and "first_month" not in got
    # A tier instead of an amount: 100 % in 2025 is 7,185 yuan a month (the rule composes it).
    page.fill("#calc-last_paid_month", "")
    page.select_option("#calc-how", "tier")
    page.fill("#calc-tier", "100")
    got = values(page)
    assert (got["base"], got["monthly"], got["total"]) == ("7185", "1437.00", "5748.00")
    assert page.locator(".calc-working li").count() == 4
    # Before the policy there are no deadlines: the year says so, nothing is computed.
    page.select_option("#calc-year", "2024")
    expect(page.locator("#calc-year-msg")).to_contain_text("2024")
    assert page.locator("[data-output]").count() == 0
    no_bad_text(page)


@pytest.mark.parametrize("lang", LANGS)
def test_employee_contribution_clamp(page, lang):
    page.goto(f"{page.base}{lang}/calculators/employee-contribution/?year=2025&wage=3000")
    got = values(page)
    assert got["clamped"] == "lower" and got["base"] == "4311" and got["employer"] == "689.76"
    assert "4,311" in page.locator(".calc-note").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_pension_estimate_direct_and_guided(page, lang):
    page.goto(f"{page.base}{lang}/calculators/pension-estimate/?mode=direct&jifa_base=7688&index=1.3494"
              "&years=41.1&deemed_years=9.3&account_balance=268627.94&payment_months=139.0")
    got = values(page)
    assert (got["basic"], got["personal_account"], got["transitional"], got["total"]) == \
        ("3711.78", "1932.58", "1254.24", "6898.60")
    page.goto(f"{page.base}{lang}/calculators/pension-estimate/?birth=1971-04&category=female55"
              "&paid=20&tier=100")
    got = values(page)
    assert got["retire"] == "2026-08" and float(got["total"]) > 0 and got["payment_months"]
    no_bad_text(page)
    # The notes on unverified figures read as sentences: every bracket that opens closes.
    notes = page.locator(".calc-flags li").all_inner_texts()
    assert notes
    for note in notes:
        assert note.count("(") == note.count(")") and note.count("（") == note.count("）"), note
        assert (" (" in note and "): " in note) if lang else ("（" in note and "）：" in note), note


@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_messages(page, lang):
    page.goto(f"{page.base}{lang}/calculators/retirement-age/?birth=1971-04&category=male")
    values(page)
    for text in ("", "abc", "1971-13", "1850-01"):
        page.fill("#calc-birth", text)
        msg = message(page, "birth")
        assert msg, text
        assert page.get_attribute("#calc-birth", "aria-invalid") == "true"
        assert page.locator("[data-output]").count() == 0
    page.goto(f"{page.base}{lang}/calculators/employee-contribution/?year=2025&wage=5000")
    values(page)
    for text in ("-5", "abc", ""):
        page.fill("#calc-wage", text)
        assert message(page, "wage"), text
    page.fill("#calc-wage", "０.５万")
    assert values(page)["base"] == "5000"
    assert message(page, "wage") == ""
    zh = message(page, "wage")
    assert zh == ""


def test_deep_link_text_is_never_html(page):
    page.goto(f"{page.base}/calculators/employee-contribution/?year=2025&wage=<img src=x onerror=alert(1)>")
    page.wait_for_selector(".calc-form")
    assert page.locator(".calc img").count() == 0
    assert message(page, "wage")


@pytest.mark.parametrize("start, other", [("", "/en"), ("/en", "")])
def test_language_switch_keeps_inputs(page, start, other):
    page.goto(f"{page.base}{start}/calculators/flexible-contribution/")
    page.wait_for_selector(".calc-form")
    page.fill("#calc-base", "7185")
    assert values(page)["monthly"] == "1437.00"
    hreflang = "en" if other else "zh"
    page.locator(f"a.md-select__link[hreflang={hreflang}]").dispatch_event("click")
    # Anchored at the host: "**/calculators/…" also matches the /en/ page being left, and then the
    # checks below would read the old page (or fail as it goes away).
    page.wait_for_url(re.compile(rf"//[^/]+{other}/calculators/flexible-contribution/\?"))
    expect(page.locator("html")).to_have_attribute("lang", hreflang)
    assert "base=7185" in page.url
    assert values(page)["monthly"] == "1437.00"
    assert page.input_value("#calc-base") == "7185"


def test_copy_link_button(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{page.base}/en/calculators/retirement-age/?birth=1980-01&category=female50")
    values(page)
    page.click(".calc-actions button")
    # The clipboard write is a promise: wait for the status line it sets. (expect polls from
    # Playwright's side; wait_for_function would need eval, which the site's CSP refuses.)
    expect(page.locator(".calc-status")).to_have_text("Link copied. You can send it to someone.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith("/en/calculators/retirement-age/?birth=1980-01&category=female50")


def scan_qr(locator) -> str:
    """What a phone camera would read from the QR code on screen."""
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(locator.screenshot())))
    assert len(found) == 1, "no readable QR code"
    return found[0].text


def without_section(url: str) -> str:
    """The filled-in case: path and query. The code leaves out any #section (Material's anchor
    tracking puts one into the address as the page scrolls), so a scan opens the result at the top."""
    return url.split("#")[0]


def test_the_page_qr_code_opens_the_same_filled_in_case(page):
    page.goto(f"{page.base}/en/calculators/pension-estimate/?birth=1980-01&category=male&paid=10&tier=60")
    values(page)
    page.click("details.page-qr summary")
    qr = page.locator("details.page-qr svg.page-qr__code")
    caption = page.locator(".page-qr__url")
    # The QR library loads asynchronously; the caption changes in the same step as the code.
    expect(caption).to_have_text(without_section(page.url))
    assert scan_qr(qr) == without_section(page.url)
    # Edited while open: the code follows the new address. The calculator rewrites it with
    # history.replaceState, which page.url hears of later (by an event): ask the page instead.
    page.fill("#calc-paid", "12")
    url = page.evaluate("location.href")
    assert "paid=12" in url
    expect(caption).to_have_text(without_section(url))
    assert scan_qr(qr) == without_section(url)


def test_worked_examples_open_in_their_calculator_with_the_same_answer(page, site_data):
    # The "open this example in the calculator" links under the worked examples (hooks/render/examples.py).
    opened = 0
    for example in site_data.examples:
        found = calculator_link(example, site_data.calculators)
        if not found:
            continue
        page.goto(f"{page.base}/calculators/{found[0]}/?{found[1]}")
        shown = values(page)
        compared = [key for key in example["expected"] if key in shown]
        assert compared, (example["id"], sorted(shown))
        for key in compared:
            want = example["expected"][key]
            if isinstance(want, (int, float)):
                assert Decimal(shown[key]) == Decimal(str(want)), (example["id"], key)
            else:
                assert shown[key] == str(want), (example["id"], key)
        opened += 1
    assert opened >= 5


# The working list that follows an example's heading on its measure page (hooks/render/examples.py).
EXAMPLE_WORKING = """id => {
    let node = document.getElementById(id);
    while ((node = node.nextElementSibling) && !/^H[1-3]$/.test(node.tagName)) {
        if (node.tagName === "OL") return [...node.children].map(li => li.innerText.trim());
    }
    return null; }"""


@pytest.mark.parametrize("lang", LANGS)
def test_a_calculator_words_its_working_as_the_worked_example_does(page, site_data, lang):
    # Same steps, same words, same numbers, line for line (data/example_words.yml).
    compared = 0
    for example in site_data.examples:
        found = calculator_link(example, site_data.calculators)
        if not found:
            continue
        page.goto(f"{page.base}{lang}/measures/{example['measure']}/")
        want = page.evaluate(EXAMPLE_WORKING, f"example-{example['id']}")
        assert want, example["id"]
        page.goto(f"{page.base}{lang}/calculators/{found[0]}/?{found[1]}")
        values(page)
        got = [line.strip() for line in page.locator(".calc-working li").all_inner_texts()]
        assert got == want, example["id"]
        compared += 1
    assert compared >= 5


@pytest.mark.parametrize(("lang", "words"), [("", "左右滑动"), ("/en", "swipe it sideways")])
def test_a_table_wider_than_the_phone_says_it_scrolls(page, lang, words):
    page.goto(f"{page.base}{lang}/calculators/retirement-age/")
    page.wait_for_load_state("load")
    hints = page.locator(".table-hint")
    assert hints.count() >= 1 and words in hints.first.inner_text()
    # Each hint stands right before a table that really is cut off.
    assert page.evaluate("""() => [...document.querySelectorAll('.table-hint')].every(h => {
        const box = h.nextElementSibling, t = box && (box.matches('table') ? box : box.querySelector('table'));
        return t && (box.scrollWidth > box.clientWidth + 1 || t.scrollWidth > t.clientWidth + 1); })""")
    # On a wide screen the same tables fit: no hint.
    page.set_viewport_size({"width": 1400, "height": 900})
    page.evaluate("window.dispatchEvent(new Event('resize'))")
    assert page.locator(".table-hint").count() == 0


# --- Links that say something the calculator cannot use (issue 11) ---------------------------

GOOD = {
    "retirement-age": "birth=1971-04&category=female55",
    "flexible-contribution": "year=2025&base=4311&freq=quarter",
    "employee-contribution": "year=2025&wage=5000",
    "job-leaver": "year=2025&leave_month=8&last_paid_month=7&base=4311",
    "pension-estimate-guided": "birth=1971-04&category=female55&paid=20&tier=100&balance=50000",
    "pension-estimate-direct": "mode=direct&jifa_base=7688&index=1.3494&years=41.1&deemed_years=9.3"
                               "&account_balance=268627.94&payment_months=139.0",
}
# (calculator, field, bad value, text the message must hold besides the value: what is allowed)
BAD = [
    ("retirement-age", "birth", "abc", "1971-04"),
    ("retirement-age", "birth", "1850-01", "1900"),
    ("retirement-age", "category", "female-worker", "female50"),
    ("flexible-contribution", "year", "2031", "2026"),
    ("flexible-contribution", "year", "abc", "2023"),
    ("flexible-contribution", "base", "abc", "4311"),
    ("flexible-contribution", "base", "99999999", "21,556"),
    ("flexible-contribution", "freq", "weekly", "quarter"),
    ("job-leaver", "leave_month", "13", "12"),
    ("job-leaver", "leave_month", "Aug", "60"),
    ("job-leaver", "last_paid_month", "0", "12"),
    ("job-leaver", "base", "1", "4,311"),
    ("employee-contribution", "year", "1999", "2025"),
    ("employee-contribution", "wage", "-5", ""),
    ("employee-contribution", "wage", "", ""),
    ("pension-estimate-guided", "birth", "2100-01", "60"),
    ("pension-estimate-guided", "category", "woman", "female55"),
    ("pension-estimate-guided", "paid", "twenty", "15"),
    ("pension-estimate-guided", "paid", "60", "55"),          # more years paid than the age in 2026
    ("pension-estimate-guided", "tier", "abc", "60"),
    ("pension-estimate-guided", "tier", "100.5", ""),
    ("pension-estimate-guided", "balance", "-1", ""),
    ("pension-estimate-direct", "mode", "formula", "direct"),
    ("pension-estimate-direct", "jifa_base", "1" + "0" * 30, "1,000,000,000"),
    ("pension-estimate-direct", "index", "x", "1.5"),
    ("pension-estimate-direct", "years", "", ""),
    ("pension-estimate-direct", "deemed_years", "50", ""),
    ("pension-estimate-direct", "account_balance", "lots", ""),
    ("pension-estimate-direct", "payment_months", "0", "0"),
    ("pension-estimate-direct", "payment_months", "0.5", "1"),
]


def calc_url(page, lang, calc, query):
    path = calc.replace("-guided", "").replace("-direct", "")
    return f"{page.base}{lang}/calculators/{path}/?{query}"


def with_value(query, field, value):
    pairs = [p.split("=", 1) for p in query.split("&")]
    pairs = [(k, value if k == field else v) for k, v in pairs]
    if field not in dict(pairs):
        pairs.append((field, value))
    return "&".join(f"{k}={quote(v, safe='')}" for k, v in pairs)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("calc", "field", "bad", "allowed"), BAD,
                         ids=[f"{c}-{f}-{b[:12] or 'empty'}" for c, f, b, _ in BAD])
def test_a_bad_value_in_a_link_is_named_beside_its_field_and_nothing_is_computed(
        page, lang, calc, field, bad, allowed):
    page.goto(calc_url(page, lang, calc, with_value(GOOD[calc], field, bad)))
    page.wait_for_selector(".calc-form")
    msg = page.locator(f"#calc-{field}-msg")
    expect(msg).to_be_visible()
    text = msg.inner_text()
    assert (f"“{bad}”" if not lang else f"'{bad}'") in text, text
    assert allowed in text, text
    assert page.locator("[data-output]").count() == 0
    if not lang:
        assert "链接里" in text
    else:
        assert "In the link" in text and not re.search(r"[\u4e00-\u9fff]", text), text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("calc", sorted(GOOD))
def test_a_good_link_still_computes(page, lang, calc):
    page.goto(calc_url(page, lang, calc, GOOD[calc]))
    assert values(page)
    assert page.locator(".calc-msg:not(:empty)").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_bad_mid_year_changes_are_named_and_stop_the_result(page, lang):
    base = f"{page.base}{lang}/calculators/flexible-contribution/?year=2025&base=4311"
    for changes, shown in (("13:5000", "13:5000"), ("7:abc", "7:abc"), ("5000", "5000"),
                           ("7:5000,7:6000", "7:6000")):
        page.goto(f"{base}&changes={quote(changes)}")
        page.wait_for_selector(".calc-form")
        msg = page.locator("#calc-changes-msg")
        expect(msg).to_be_visible()
        assert shown in msg.inner_text(), (changes, msg.inner_text())
        assert page.locator("[data-output]").count() == 0, changes
    page.goto(f"{base}&changes=7:5000")
    assert values(page)["total"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_with_both_ways_asks_which(page, lang):
    page.goto(f"{page.base}{lang}/calculators/flexible-contribution/?year=2025&base=4311&tier=60")
    page.wait_for_selector(".calc-form")
    assert "base" in message(page, "how") and "tier" in message(page, "how")
    assert page.locator("[data-output]").count() == 0
    page.select_option("#calc-how", "tier")
    assert values(page)["base"] == "4311"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("calc", "query"), [
    ("flexible-contribution", "year=2025&tier=4311"),
    ("pension-estimate", "birth=1980-01&category=male&paid=10&tier=4311"),
])
def test_a_yuan_amount_typed_as_a_tier_offers_the_matching_tier(page, lang, calc, query):
    page.goto(f"{page.base}{lang}/calculators/{calc}/?{query}")
    page.wait_for_selector(".calc-form")
    text = message(page, "tier")
    assert "4,311" in text and "60%" in text and "万" not in (text if lang else "")
    button = page.locator("#calc-tier-msg button")
    assert button.inner_text().endswith("60%")
    button.click()
    assert page.input_value("#calc-tier") == "60"
    assert values(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_tier_typed_as_a_base_offers_that_tiers_base(page, lang):
    page.goto(f"{page.base}{lang}/calculators/flexible-contribution/?year=2025&base=100")
    page.wait_for_selector(".calc-form")
    text = message(page, "base")
    assert "100%" in text and "7,185" in text
    page.click("#calc-base-msg button")
    assert values(page)["base"] == "7185"


def test_english_hints_are_in_english(page):
    page.goto(f"{page.base}/en/calculators/pension-estimate/?birth=1980-01&category=male&paid=x&tier=y")
    page.wait_for_selector(".calc-form")
    for field in ("paid", "tier"):
        assert not re.search(r"[\u4e00-\u9fff]", message(page, field)), message(page, field)


@pytest.mark.parametrize("lang", LANGS)
def test_a_blank_balance_with_years_paid_is_said_to_be_taken_as_zero(page, lang):
    page.goto(f"{page.base}{lang}/calculators/pension-estimate/?birth=1971-04&category=female55&paid=20&tier=100")
    assert values(page)["total"]
    hint, note = message(page, "balance"), page.locator(".calc-note").inner_text()
    assert hint == note and "20" in note and ("0元" in note if not lang else "0 yuan" in note)
    assert page.get_attribute("#calc-balance", "aria-invalid") is None
    page.fill("#calc-balance", "50000")
    assert values(page)["total"] and page.locator(".calc-note").count() == 0


def last_year(site_data):
    return site_data.params.latest_year("contribution_base_limits")


@pytest.mark.parametrize("lang", LANGS)
def test_after_the_last_published_year_the_calculator_says_so(page, lang, site_data):
    last = last_year(site_data)
    page.clock.install(time=f"{last + 1}-03-01T10:00:00")
    page.goto(f"{page.base}{lang}/calculators/employee-contribution/?year={last}&wage=5000")
    values(page)
    fresh = page.locator(".calc-fresh")
    expect(fresh).to_have_class(re.compile("dated-after"))
    text = fresh.inner_text()
    assert f"{last + 1}-03-01" in text and str(last) in text and str(last + 1) in text


@pytest.mark.parametrize("lang", LANGS)
def test_within_the_last_published_year_the_calculator_names_the_year(page, lang, site_data):
    last = last_year(site_data)
    page.clock.install(time=f"{last}-06-01T10:00:00")
    page.goto(f"{page.base}{lang}/calculators/employee-contribution/?year={last}&wage=5000")
    values(page)
    fresh = page.locator(".calc-fresh")
    assert "dated-after" not in (fresh.get_attribute("class") or "")
    assert str(last) in fresh.inner_text() and site_data.document["last_reviewed"].isoformat() in fresh.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_past_deadline_in_a_worked_example_is_shown_as_past(page, lang):
    page.clock.install(time="2026-03-01T10:00:00")
    page.goto(f"{page.base}{lang}/measures/enrolment-and-contributions/")
    declare = page.locator('[data-deadline="2025-12-31"]')
    pay = page.locator('[data-deadline="2026-06-30"]')
    expect(declare).to_have_class(re.compile("dated-past"))
    assert "12333" in declare.inner_text()
    assert "dated-past" not in (pay.get_attribute("class") or "")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["guides/flexible-workers/", "faq/"])
def test_a_page_quoting_amounts_says_when_its_figures_are_not_the_newest(page, lang, path, site_data):
    last = last_year(site_data)
    page.clock.install(time=f"{last}-06-01T10:00:00")
    page.goto(f"{page.base}{lang}/{path}")
    expect(page.locator(".page-fresh")).to_be_hidden()
    page.clock.install(time=f"{last + 1}-02-01T10:00:00")
    page.goto(f"{page.base}{lang}/{path}")
    notice = page.locator(".page-fresh")
    expect(notice).to_be_visible()
    text = notice.inner_text()
    assert f"{last + 1}-02-01" in text and str(last) in text and "12333" in text
    # It sits at the top of the article, under the title, so the reader sees it first.
    assert notice.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"] + 400


def test_pages_without_amounts_have_no_figures_notice(page):
    page.goto(f"{page.base}/glossary/")
    assert page.locator(".page-fresh").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_link_brings_its_field_onto_the_first_screen(page, lang, site_data):
    # The field may be far down the form (large forms, large text): the reader must see at once
    # that the link has a value we cannot use, and the empty result says to fix it.
    page.goto(calc_url(page, lang, "pension-estimate-guided",
                       with_value(GOOD["pension-estimate-guided"], "paid", "60")))
    msg = page.locator("#calc-paid-msg")
    expect(msg).to_be_visible()
    expect(msg).to_be_in_viewport()
    expect(page.locator("#calc-paid")).to_be_focused()
    fix = site_data.calc_ui["prompt_fix"]["zh" if not lang else "en"]
    expect(page.locator(".calc-prompt")).to_have_text(fix)


def test_a_good_link_does_not_move_the_page(page):
    page.goto(calc_url(page, "", "pension-estimate-guided", GOOD["pension-estimate-guided"]))
    page.wait_for_selector("[data-output]")
    assert page.evaluate("window.scrollY") == 0
