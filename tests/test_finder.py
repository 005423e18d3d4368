"""The finder (/finder/ and /en/finder/) in a real browser at phone size: the answers give the
measures, guides, notes and filled-in calculators the data says (computed here from the data,
never typed), the answer's link round-trips and survives the language switch, a link with values
the page cannot use gets a notice naming them (as text, never HTML), the page works by keyboard,
axe-core finds nothing, and without JavaScript the page lists the guides by situation."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from browser import PHONE
from test_a11y import _axe

pytestmark = pytest.mark.browser

LANGS = ["", "en/"]
# (who, hukou, birth, paying): a flexible worker; an employer who is a foreign national (the
# hukou adds the foreign residents' measures); a retired reader.
PROFILES = [("flexible-workers", "anhui", "1975-06", "no"),
            ("employers", "foreign", "", "yes"),
            ("retired", "other-province", "1950-03", "yes")]


def _tags(site, who: str, hukou: str) -> set[str]:
    return {who} | {h["audience"] for h in site.finder["hukou"] if h["id"] == hukou and "audience" in h}


def expected_measures(site, who: str, hukou: str) -> list[str]:
    tags = _tags(site, who, hukou)
    return [m["id"] for m in site.measures if tags & set(m["audiences"])]


def expected_calculators(site, who: str, hukou: str) -> list[str]:
    tags = _tags(site, who, hukou)
    every = any(c["id"] == who and c.get("calculators") == "all" for c in site.finder["who"])
    return [c["id"] for c in site.calculators
            if every or any(g["audience"] in tags and c["id"] in g["calculators"] for g in site.guides)]


def expected_notes(site, who: str, hukou: str) -> list[list[str]]:
    """The cites of the hukou notes that apply."""
    if who not in {a["id"] for a in site.audiences} | {c["id"] for c in site.finder["who"]}:
        return []
    return [n["cites"] for h in site.finder["hukou"] if h["id"] == hukou
            for n in h["notes"] if who in n.get("who", [who])]


def shown(page, selector: str) -> list[str]:
    return page.locator(selector).evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('href'))")


def shown_measures(page) -> list[str]:
    return [href.split("/")[-2] for href in shown(page, ".finder-measures > li > a")]


def address(page) -> str:
    """The address bar now (page.url follows history.replaceState only after a while)."""
    return page.evaluate("location.href")


def answer(page, who: str, hukou: str, birth: str, paying: str) -> None:
    for name, value in (("who", who), ("hukou", hukou), ("paying", paying)):
        page.locator(f"label[for=finder-{name}-{value}]").click()
    if birth:
        page.locator("#finder-birth").fill(birth)


def check_answer(page, site, who: str, hukou: str, birth: str, paying: str) -> None:
    measures = expected_measures(site, who, hukou)
    assert shown_measures(page) == measures
    if measures:
        assert str(len(measures)) in page.locator("[data-count]").inner_text()
    # Each measure shows its summary and the forces of its claims, as the data gives them.
    by_id = {m["id"]: m for m in site.measures}
    forces = page.locator(".finder-measures > li:not([hidden])").evaluate_all(
        "lis => lis.map(li => Array.from(li.querySelectorAll('[data-force]'), s => s.dataset.force))")
    assert forces == [sorted({c["force"] for c in by_id[m]["changes"]},
                             key=["rule", "goal", "encouraged", "explore", "duty"].index) for m in measures]
    guides = [g["id"] for g in site.guides if g["audience"] in _tags(site, who, hukou)]
    assert shown(page, "[data-part=guide] a:not(.term)") == [f"../guides/{g}/" for g in guides]
    notes = page.locator("[data-hukou]:not([hidden]) .claim").evaluate_all(
        "els => els.map(e => e.dataset.cites.split(' '))")
    assert notes == expected_notes(site, who, hukou)
    step = next(p for p in site.finder["paying"] if p["id"] == paying)
    assert page.locator(f"[data-paying={paying}]").is_visible()
    assert page.locator(f"[data-paying={paying}] .claim").get_attribute("data-force") == step["force"]
    calcs = [urlsplit(h).path.split("/")[-2] for h in shown(page, ".finder-calcs a")]
    assert list(dict.fromkeys(calcs)) == expected_calculators(site, who, hukou)
    by_calc = {c["id"]: c for c in site.calculators}
    for href in shown(page, ".finder-calcs a"):
        calc = by_calc[urlsplit(href).path.split("/")[-2]]
        query = parse_qs(urlsplit(href).query)
        takes_birth = any(f["name"] == site.finder["fills"]["birth"] for f in calc["fields"])
        if birth and takes_birth:   # filled in, once per choice (e.g. men, women) it offers
            assert query.pop("birth") == [birth]
            choices = {f["name"]: f["choices"] for f in calc["fields"] if f["kind"] == "choice"}
            assert query and all(name in choices and value in choices[name]
                                 for name, (value,) in query.items()), href
        else:
            assert query == {}
    retired = next(c for c in site.finder["who"] if "faq" in c)
    assert page.locator(f".finder-part[data-who={retired['id']}]").is_visible() == (who == retired["id"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("profile", PROFILES, ids=[p[0] for p in PROFILES])
def test_the_answers_give_the_measures_the_data_says(page, site_data, lang, profile):
    who, hukou, birth, paying = profile
    page.goto(f"{page.base}/{lang}finder/")
    assert page.locator(".finder-empty").is_visible()
    page.locator(f"label[for=finder-hukou-{hukou}]").click()   # the group comes first
    assert page.locator(".finder-empty").is_visible()
    assert page.locator("#finder-answer .finder-part:not([hidden])").count() == 0
    answer(page, *profile)
    check_answer(page, site_data, *profile)
    # The address holds the answers, so the answer can be sent or printed.
    query = parse_qs(urlsplit(address(page)).query)
    assert query == {k: [v] for k, v in zip(("who", "hukou", "birth", "paying"), profile, strict=True) if v}


@pytest.mark.parametrize("lang", LANGS)
def test_the_link_round_trips(page, site_data, lang):
    profile = PROFILES[0]
    page.goto(f"{page.base}/{lang}finder/")
    answer(page, *profile)
    link = address(page)
    page.goto("about:blank")
    page.goto(link)
    for name, value in zip(("who", "hukou", "paying"), (profile[0], profile[1], profile[3]), strict=True):
        assert page.locator(f"#finder-{name}-{value}").is_checked()
    assert page.locator("#finder-birth").input_value() == profile[2]
    check_answer(page, site_data, *profile)
    assert address(page) == link
    assert page.locator("#finder-notice").is_hidden()


def test_the_language_switch_keeps_the_answers(page, site_data):
    profile = PROFILES[1]
    page.goto(f"{page.base}/finder/")
    answer(page, *profile)
    query = urlsplit(address(page)).query
    page.locator(".md-header__option .md-select button").click()
    page.locator("a.md-select__link[hreflang=en]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert urlsplit(address(page)).path.endswith("/en/finder/")
    assert urlsplit(address(page)).query == query
    check_answer(page, site_data, *profile)


@pytest.mark.parametrize("lang", LANGS)
def test_values_the_page_cannot_use_get_a_notice_as_text(page, site_data, lang):
    bad = '<img src=x id=injected>'
    page.goto(f"{page.base}/{lang}finder/?who=astronaut&hukou=moon&birth=1975-13&paying={bad}&colour=red")
    notice = page.locator("#finder-notice")
    assert notice.is_visible()
    items = notice.locator("li").all_inner_texts()
    assert len(items) == 5, items
    words = {k: v[lang.rstrip("/") or "zh"] for k, v in site_data.finder["words"].items()}
    assert items[0] == (words["bad_choice"].replace("{field}", "who").replace("{v}", "astronaut")
                        .replace("{opts}", ", ".join([a["id"] for a in site_data.audiences]
                                                     + [c["id"] for c in site_data.finder["who"]])))
    assert "moon" in items[1] and "anhui" in items[1]
    assert bad in items[2] and "no" in items[2]
    assert "1975-13" in items[3]
    assert "colour" in items[4]
    assert page.locator("#injected").count() == 0
    # The month of birth stays in its box with its message; nothing is answered yet.
    assert page.locator("#finder-birth").input_value() == "1975-13"
    assert page.locator("#finder-birth").get_attribute("aria-invalid") == "true"
    assert page.locator(".finder-empty").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_lists_the_guides(browser, served_site, site_data, lang):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site[0]}/{lang}finder/")
    assert page.locator("#finder").is_hidden()
    links = page.locator(".finder-guides a:not(.term)").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    order = [a["id"] for a in site_data.audiences]   # the situations in the audiences' order
    guides = sorted(site_data.guides, key=lambda g: order.index(g["audience"]))
    assert links[:len(guides)] == [f"../guides/{g['id']}/" for g in guides]
    retired = next(c for c in site_data.finder["who"] if "faq" in c)
    assert f"../faq/#{retired['faq']}" in links
    context.close()


def test_the_finder_works_by_keyboard(page, site_data):
    page.goto(f"{page.base}/en/finder/")
    page.locator("#finder-who-flexible-workers").focus()
    page.keyboard.press("Space")                      # choose the focused answer
    page.keyboard.press("ArrowDown")                  # radio group: the next answer
    second = site_data.audiences[1]["id"]
    assert page.locator(f"#finder-who-{second}").is_checked()
    page.keyboard.press("Tab")                        # one stop per group: on to the hukou
    assert page.evaluate("document.activeElement.name") == "hukou"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "finder-birth"
    page.keyboard.type("1980-1")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    first_hukou = site_data.finder["hukou"][0]["id"]
    first_paying = site_data.finder["paying"][0]["id"]
    check_answer(page, site_data, second, first_hukou, "1980-01", first_paying)
    # The answer is a live region: a screen reader hears it change.
    assert page.locator("#finder-answer").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_no_violation_in_an_answer(served_site, browser, lang):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    failures = {}
    for query in ("?who=flexible-workers&hukou=anhui&birth=1975-06&paying=no",
                  "?who=retired&hukou=foreign&paying=yes", "?who=nobody&birth=x"):
        page.goto(f"{served_site[0]}/{lang}finder/{query}", wait_until="networkidle")
        violations = _axe(page)
        if violations:
            failures[query] = violations
    context.close()
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)
