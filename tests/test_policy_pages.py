"""The policy text pages and the claims on measure pages, checked in the built HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from hooks.load.claims import FORCES

LANGS = {"zh": "", "en": "en/"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def policy_pages(built_site):
    return {lang: soup(built_site / prefix / "policy" / "index.html")
            for lang, prefix in LANGS.items()}


def ids(page: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in page.select("article [id]")}


def test_every_section_clause_and_unit_has_its_anchor_in_both_languages(policy_pages, site_data):
    pol = site_data.policy
    wanted = {s["id"] for s in pol["sections"]} | {f"c{n}" for n in range(1, 16)} | set(pol["units"])
    zh, en = ids(policy_pages["zh"]), ids(policy_pages["en"])
    assert wanted <= zh and wanted <= en
    anchors = {i for i in zh if i in wanted}
    assert anchors == {i for i in en if i in wanted}
    for page in policy_pages.values():
        assert [h["id"] for h in page.select("article h2[id]")][:7] == [f"s{n}" for n in range(1, 8)]
        assert [h["id"] for h in page.select("article h3[id]")] == [f"c{n}" for n in range(1, 16)]


def test_the_chinese_page_is_the_original_with_its_source(policy_pages, site_data):
    page = policy_pages["zh"]
    source = site_data.sources[site_data.policy["source"]]
    line = page.select_one(".policy-source")
    assert "原文（经新闻转载）" in line.get_text() and line.a["href"] == source["url"]
    for uid, unit in site_data.policy["units"].items():
        assert page.find(id=uid).get_text() == unit.zh, uid


def test_the_english_page_is_an_unofficial_translation_with_the_original_under_each_unit(
        policy_pages, site_data):
    page = policy_pages["en"]
    assert "Unofficial translation" in page.select_one("article .admonition").get_text()
    for uid, unit in site_data.policy["units"].items():
        block = page.find(id=uid)
        original = block.select_one('[lang="zh"]')
        assert original.get_text() == unit.zh, uid
        assert unit.en in block.p.get_text(), uid


def test_the_policy_page_is_in_the_nav_and_linked_from_home_and_about(built_site):
    for prefix in LANGS.values():
        for page in ("", "about/", "measures/basic-pension/"):
            hrefs = [urljoin(f"/{prefix}{page}", a["href"])
                     for a in soup(built_site / prefix / page / "index.html").select("a[href]")]
            assert f"/{prefix}policy/" in hrefs, (prefix, page)


def measure_pages(built_site, site_data):
    for lang, prefix in LANGS.items():
        for m in site_data.measures:
            yield lang, m, soup(built_site / prefix / "measures" / m["id"] / "index.html")


def test_every_change_is_a_claim_with_force_and_cites_that_resolve(built_site, site_data,
                                                                   policy_pages):
    targets = {lang: ids(page) for lang, page in policy_pages.items()}
    for lang, m, page in measure_pages(built_site, site_data):
        items = page.select("#changes ~ ul.claims > li")
        assert len(items) == len(m["changes"]), m["id"]
        for li, change in zip(items, m["changes"], strict=True):
            assert li["data-force"] in FORCES and li["data-force"] == change["force"]
            cites = li["data-cites"].split()
            assert cites == change["cites"]
            # The force in words, inside the first cite link; one link per cited unit.
            word = site_data.ui[f"force_{change['force']}"][lang]
            assert li.select_one("a.claim-cite .claim-force").get_text() == word
            links = li.select("a.claim-cite")
            assert len(links) == len(cites)
            for a, uid in zip(links, cites, strict=True):
                url = urlsplit(urljoin(f"/{LANGS[lang]}measures/{m['id']}/", a["href"]))
                assert url.path == f"/{LANGS[lang]}policy/" and url.fragment == uid
                assert uid in targets[lang]


def test_each_measure_page_links_its_clause_and_folds_its_original_text(built_site, site_data):
    for lang, m, page in measure_pages(built_site, site_data):
        clause = m["clause"]
        meta_links = [a["href"] for a in page.select(".measure-meta a")]
        assert f"../../policy/#c{clause}" in meta_links, m["id"]
        fold = page.select_one("details.policy-fold")
        assert fold is not None and not fold.has_attr("open")
        quote = fold.select_one("blockquote")
        source = site_data.sources[site_data.policy["source"]]
        assert quote["cite"] == source["url"]
        assert fold.select_one(".policy-fold-source a")["href"] == source["url"]
        units = site_data.policy["clause_units"][clause]
        text = quote.get_text()
        assert all(u.zh in text for u in units), m["id"]
        if lang == "en":
            assert all(u.en in text for u in units), m["id"]
            assert len(quote.select('[lang="zh"]')) == len(units) + 1   # heading + units
        # Before the first claim, so a reader meets the text before our reading of it.
        assert page.find(id="changes") in fold.find_all_next("h2")


def test_claim_notes_on_guide_steps_resolve(built_site, site_data, policy_pages):
    tagged = [(g, s) for g in site_data.guides for s in g["steps"] if "force" in s]
    assert tagged
    for prefix in LANGS.values():
        for g, step in tagged:
            page = soup(built_site / prefix / "guides" / g["id"] / "index.html")
            note = page.select_one(f'.claim-note[data-cites="{" ".join(step["cites"])}"]')
            assert note is not None and note["data-force"] == step["force"]
            assert note.a["href"] == f"../../policy/#{step['cites'][0]}"


# --- Every answer or step that cites a clause carries its force -----------------------------

ZH_NUMERALS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}
ZH_CLAUSE = re.compile(r"第（([一二三四五六七八九十]+)）条")
EN_CLAUSE = re.compile(r"\bclauses? \((\d+)\)(?: and \((\d+)\))?")

# FAQ ids or "guide-id/step-number" whose text names a clause of this policy only as a pointer,
# so they carry no claim. Each needs its reason; keep the list short (empty today: every answer
# and step that names a clause says what that clause does).
POINTER_ONLY: dict[str, str] = {}


def zh_number(word: str) -> int:
    """十一 → 11, 十 → 10, 四 → 4 (the clause numbers run 1 to 15)."""
    if word.startswith("十"):
        return 10 + (ZH_NUMERALS[word[1]] if len(word) > 1 else 0)
    return ZH_NUMERALS[word]


def clauses_named(text: dict) -> tuple[set[int], set[int]]:
    zh = {zh_number(w) for w in ZH_CLAUSE.findall(text["zh"])}
    en = {int(n) for pair in EN_CLAUSE.findall(text["en"]) for n in pair if n}
    return zh, en


def check_claim_element(note, item: dict, where: str, named: set[int]) -> None:
    assert note is not None, f"{where}: names clause(s) {sorted(named)} but has no claim note"
    assert note["data-force"] == item["force"] and note["data-force"] in FORCES, where
    cites = note["data-cites"].split()
    assert cites == item["cites"], where
    # The units it cites belong to the clauses the text names (or to the targets section 二).
    clause_of = {uid: int(uid[1:].split("-")[0]) for uid in cites if uid.startswith("c")}
    assert set(clause_of.values()) <= named and clause_of, (where, cites, named)


def claimed_texts(site_data):
    """(key, item, text) for every FAQ answer and guide step."""
    for q in site_data.faq:
        yield q["id"], q, q["answer"]
    for g in site_data.guides:
        for i, step in enumerate(g["steps"], 1):
            yield f"{g['id']}/{i}", step, step["body"]


def note_after(heading):
    """The claim note of the answer under this heading: among its siblings, before the next one."""
    for sib in heading.find_next_siblings():
        if sib.name in ("h2", "h3"):
            return None
        note = sib if "claim-note" in sib.get("class", []) else sib.select_one(".claim-note")
        if note is not None:
            return note
    return None


def test_every_answer_or_step_naming_a_clause_carries_force_and_cites(built_site, site_data):
    pages: dict[Path, BeautifulSoup] = {}

    def page(*parts: str) -> BeautifulSoup:
        path = built_site.joinpath(*parts, "index.html")
        if path not in pages:
            pages[path] = soup(path)
        return pages[path]

    checked = 0
    for key, item, text in claimed_texts(site_data):
        zh, en = clauses_named(text)
        assert zh == en, f"{key}: the Chinese names clauses {sorted(zh)}, the English {sorted(en)}"
        if not zh or key in POINTER_ONLY:
            continue
        for lang, prefix in LANGS.items():
            if "/" in key:          # a guide step: the note sits in its list item
                gid, n = key.split("/")
                steps = page(prefix, "guides", gid).find(id="steps").find_next_sibling("ol")
                li = steps.find_all("li", recursive=False)[int(n) - 1]
                check_claim_element(li.select_one(".claim-note"), item, f"{lang} {key}", zh)
            else:                   # a FAQ answer: on the FAQ page and on its measure page
                for where in (("faq",), ("measures", item["measure"])):
                    heading = page(prefix, *where).find(id=key)
                    check_claim_element(note_after(heading), item, f"{lang} {where} {key}", zh)
        checked += 1
    assert checked >= 80        # 38 FAQ answers and 47 guide steps today
    keys = {k for k, _, _ in claimed_texts(site_data)}
    assert set(POINTER_ONLY) <= keys, "POINTER_ONLY names an answer or step that no longer exists"
