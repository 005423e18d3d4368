"""Reader-side content (issue 5): FAQ, glossary, guides — in the data and in the built pages."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from hooks.render.reader import guide_measures

GUIDE_AUDIENCES = {"flexible-workers", "migrant-workers", "platform-workers", "job-leavers",
                   "individual-businesses", "landless-farmers", "hardship-groups", "employers",
                   "foreign-residents", "near-retirement"}


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def jsonld(doc) -> dict:
    scripts = doc.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_enough_content(site_data):
    assert len(site_data.faq) >= 45
    assert len(site_data.glossary) >= 40
    assert {g["audience"] for g in site_data.guides} >= GUIDE_AUDIENCES


def test_every_measure_has_a_faq(site_data):
    assert {q["measure"] for q in site_data.faq} == {m["id"] for m in site_data.measures}


def test_required_glossary_terms(site_data):
    names = {t["zh"] for t in site_data.glossary}
    for term in ("缴费基数", "灵活就业人员", "视同缴费年限", "计发基数", "计发月数", "个人账户",
                 "统筹基金", "待遇领取地", "企业年金", "个人养老金", "记账利率", "社会保障卡", "无感认证"):
        assert term in names, term


@pytest.mark.parametrize("lang_dir", ["", "en/"])
def test_faq_page_has_every_question_with_its_stable_id(built_site, site_data, lang_dir):
    doc = soup(built_site / lang_dir / "faq" / "index.html")
    ids = {el["id"] for el in doc.select("article h3[id]")}
    assert ids == {q["id"] for q in site_data.faq}


@pytest.mark.parametrize("lang_dir, lang", [("", "zh-CN"), ("en/", "en")])
def test_faq_jsonld_is_complete_in_its_language(built_site, site_data, lang_dir, lang):
    data = jsonld(soup(built_site / lang_dir / "faq" / "index.html"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert data["inLanguage"] == lang
    assert len(data["mainEntity"]) == len(site_data.faq)
    key = "zh" if lang == "zh-CN" else "en"
    first = site_data.faq[0]
    entry = data["mainEntity"][0]
    assert entry["@type"] == "Question" and entry["name"] == first["question"][key].strip()
    assert entry["acceptedAnswer"]["@type"] == "Answer" and entry["acceptedAnswer"]["text"]


@pytest.mark.parametrize("lang_dir", ["", "en/"])
def test_glossary_page_and_its_jsonld(built_site, site_data, lang_dir):
    doc = soup(built_site / lang_dir / "glossary" / "index.html")
    ids = {el["id"] for el in doc.select("article h2[id]")}
    assert ids == {t["id"] for t in site_data.glossary}
    data = jsonld(doc)
    assert data["@type"] == "DefinedTermSet"
    assert {t["termCode"] for t in data["hasDefinedTerm"]} == ids
    assert all(t["@type"] == "DefinedTerm" and t["name"] and t["description"]
               for t in data["hasDefinedTerm"])
    # Its own index comes first (there is no table of contents): one link to every term.
    index = doc.select_one("article p.term-index")
    assert index is not None and index.find_next("h2") is not None
    assert [a["href"] for a in index.select("a")] == [f"#{el['id']}" for el in doc.select("article h2[id]")]


def test_faq_answers_appear_on_their_measure_page(built_site, site_data):
    for q in site_data.faq:
        for lang_dir in ("", "en/"):
            page = built_site / lang_dir / "measures" / q["measure"] / "index.html"
            assert soup(page).select_one(f"#{q['id']}"), (q["id"], lang_dir)


def test_each_guide_lists_exactly_the_measures_its_tag_gives(built_site, site_data):
    for g in site_data.guides:
        expected = [m["id"] for m in guide_measures(site_data, g)]
        for lang_dir in ("", "en/"):
            doc = soup(built_site / lang_dir / "guides" / g["id"] / "index.html")
            heading = doc.select_one("h2#measures")
            items = heading.find_next_sibling("ul").select("li > a:not(.term)")
            listed = [a["href"].rstrip("/").split("/")[-1] for a in items]
            assert listed == expected, (g["id"], lang_dir)


@pytest.mark.parametrize("lang_dir, term", [("", "灵活就业人员"), ("en/", "flexible worker")])
def test_terms_in_sentences_link_to_the_glossary(built_site, site_data, lang_dir, term):
    page = built_site / lang_dir / "measures" / "enrolment-and-contributions" / "index.html"
    links = soup(page).select("article a.term")
    assert links, "no glossary links on the page"
    glossary = soup(built_site / lang_dir / "glossary" / "index.html")
    glossary_ids = {el["id"] for el in glossary.select("[id]")}
    for a in links:
        assert "glossary/#" in a["href"]
        assert a["href"].split("#")[1] in glossary_ids
        assert a.get("title")
    assert any(a.get_text().lower().startswith(term) for a in links), [a.get_text() for a in links]


def test_terms_are_not_linked_inside_headings_or_links(built_site):
    page = built_site / "measures" / "enrolment-and-contributions" / "index.html"
    doc = soup(page)
    assert not doc.select("h1 a.term, h2 a.term, h3 a.term, a a.term")
