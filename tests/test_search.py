"""Search finds what people type: each question in tests/search_questions.yml, typed into the real
search box of the served site, brings the page that answers it within the first three results.

A "result" is what the reader sees as one entry: Material groups the hits by page, so one entry is
one page with its matching sections under it. Chinese questions are asked on /, English ones on
/en/ (the index holds both languages; a result in the other language counts against us).
`pytest -s` prints the first three results of every question.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

QUESTIONS = yaml.safe_load((Path(__file__).parent / "search_questions.yml").read_text(encoding="utf-8"))
PREFIX = {"zh": "", "en": "en/"}
TOP = 3


def _cases():
    for lang, entries in QUESTIONS.items():
        for entry in entries:
            yield pytest.param(lang, entry, id=f"{lang}-{entry['query']}")


def test_every_language_has_at_least_fifteen_questions():
    assert set(QUESTIONS) == set(PREFIX)
    for lang, entries in QUESTIONS.items():
        assert len(entries) >= 15, lang
        assert len({e["query"] for e in entries}) == len(entries), f"{lang}: a question is listed twice"
        for e in entries:
            assert e.get("why", "").strip() and e.get("page"), e


def test_the_index_leaves_out_what_every_page_repeats(built_site, site_data):
    """Boilerplate is kept out with data-search-exclude: it would make every page match its words."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    ui, labels = site_data.ui, site_data.example_words["labels"]
    originals = [u.zh for s in site_data.policy["sections"] for c in s.get("clauses", [])
                 for u in c["_units"]]
    assert originals
    for doc in index["docs"]:
        text, where = (doc["title"] + doc["text"]).replace("\u200b", ""), doc["location"]
        for lang in PREFIX:
            for key in ("qr_label", "qr_summary", "claims_note", "official_text_note"):
                assert ui[key][lang] not in text, (where, key)
            if where.startswith((PREFIX[lang] + "measures/", PREFIX[lang] + "guides/")):
                assert ui["unverified"][lang] not in text and labels["unverified"][lang] not in text, where
        if where.startswith(PREFIX["en"]):   # the original under the translation: zh pages have it
            assert not [o for o in originals if o in text], where


def test_search_keywords_become_the_pages_tags(built_site, site_data):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tags = {doc["location"]: doc.get("tags") for doc in index["docs"]}
    assert any(g["keywords"]["zh"] for g in site_data.guides)
    for g in site_data.guides:
        for lang in PREFIX:
            assert tags[f"{PREFIX[lang]}guides/{g['id']}/"] == (g["keywords"][lang] or None), g["id"]


def _expected(entry) -> list[tuple[str, str]]:
    """(page path, section id or "") for each page that answers the question."""
    pages = entry["page"] if isinstance(entry["page"], list) else [entry["page"]]
    return [(p.partition("#")[0], p.partition("#")[2]) for p in pages]


def _path(href: str, lang: str) -> tuple[str, str]:
    """A result link as (page path without the language prefix, section id)."""
    parts = urlsplit(href)
    path = parts.path.lstrip("/")
    return path.removeprefix(PREFIX[lang]) if path.startswith(PREFIX[lang]) else "?" + path, parts.fragment


def top_results(page, lang: str, query: str) -> list[list[tuple[str, str]]]:
    """The first TOP entries of the result list, each as the links a reader sees: the page, then
    its best-matching sections (the others are folded away under "N more on this page")."""
    page.goto(f"{page.base}/{PREFIX[lang]}")
    page.locator("label.md-header__button[for=__search]").click()   # starts fetching the index
    box = page.locator("input.md-search__input")
    box.fill(query)
    # Material reads the query on a key release (fill() releases none) or when its index arrives.
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    groups = page.locator(".md-search-result__item").evaluate_all(
        f"""items => items.slice(0, {TOP}).map(li =>
              Array.from(li.querySelectorAll(':scope > a[href]'), a => a.getAttribute('href')))""")
    return [[_path(h, lang) for h in hrefs] for hrefs in groups]


@pytest.mark.browser
@pytest.mark.parametrize("lang, entry", list(_cases()))
def test_the_question_finds_its_page_in_the_first_three(page, served_site, lang, entry):
    site = served_site[1]
    for path, section in _expected(entry):   # a question must point at a page that exists
        html = site / PREFIX[lang] / path / "index.html"
        assert html.exists(), f"search_questions.yml: {entry['query']!r}: no page {path!r}"
        if section:
            assert re.search(rf'id="{re.escape(section)}"', html.read_text(encoding="utf-8")), \
                f"search_questions.yml: {entry['query']!r}: {path} has no section #{section}"
    groups = top_results(page, lang, entry["query"])
    shown = [g[0][0] + (f" (#{', #'.join(s for _, s in g[1:] if s)})" if len(g) > 1 else "")
             for g in groups]
    print(f"\n{lang} {entry['query']!r}: " + " | ".join(shown))

    def answers(group) -> bool:
        return any(group[0][0] == path and (not section or (path, section) in group)
                   for path, section in _expected(entry))

    assert any(answers(g) for g in groups), (
        f"{entry['query']!r} ({lang}): expected {entry['page']} in the first {TOP}, got {shown}")
