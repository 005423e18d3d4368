"""Long pages open with their short summary and links to their sections (hooks/render/page_jumps.py),
in both languages: every page taller than LONG phone screens has the block on its first screen,
and every link in it lands on an element of the same page."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import PHONE
from bs4 import BeautifulSoup

# A page is long when its article is taller than this many 390×844 screens in normal text (about
# 15 in large text). The shortest measure pages are 3–5 screens and read fine without a list of
# sections; clause (4)'s page was 23 (36 in large text), the FAQ 32 (English 42).
LONG = 10

# The pages that have the block whatever their length (a generated kind of page gets it for
# all its pages; a hand-written page asks for it with <!-- site:jumps -->).
ALWAYS = ("measures/basic-pension/", "measures/leadership/", "guides/employees/", "guides/job-leavers/",
          "faq/", "glossary/", "policy/", "open-data/")


def pages(site: Path) -> list[str]:
    return sorted("/" + str(f.parent.relative_to(site)).replace(".", "").strip("/") + "/"
                  for f in site.rglob("index.html") if (f.parent / "index.html").exists()
                  and not str(f.relative_to(site)).startswith(("assets", "data")))


def article(site: Path, path: str):
    html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def jumps(site: Path, path: str) -> list[str]:
    found = article(site, path).select_one(".page-jumps")
    return [a["href"] for a in found.select("a")] if found else []


@pytest.mark.parametrize("path", ALWAYS)
def test_the_block_links_to_sections_that_exist_the_same_in_both_languages(built_site, path):
    zh, en = jumps(built_site, path), jumps(built_site, "en/" + path)
    assert len(zh) >= 4, zh
    assert sorted(zh) == sorted(en)   # the same anchors in both languages (the glossary sorts
    # its terms in each language's own order)
    for lang_path in (path, "en/" + path):
        page = article(built_site, lang_path)
        ids = {e["id"] for e in page.select("[id]")}
        missing = [href for href in jumps(built_site, lang_path) if href.lstrip("#") not in ids]
        assert not missing and all(h.startswith("#") for h in zh), (lang_path, missing)
        # It opens the page: after the title and summary, before the first section.
        block = page.select_one(".page-jumps")
        first_section = page.select_one("h2")
        assert block.find_all_next("h2")[0] is first_section, lang_path


@pytest.mark.browser
def test_every_long_page_opens_with_its_jump_links(served_site, browser):
    base, site = served_site
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    long_pages, missing = [], []
    for path in pages(site):
        tab.goto(base + path, wait_until="load")
        facts = tab.evaluate("""() => {
            const article = document.querySelector('article.md-content__inner');
            if (!article) return null;
            const top = article.getBoundingClientRect().top + scrollY, block = article.querySelector('.page-jumps');
            const links = block ? [...block.querySelectorAll('a')].map(a => a.getAttribute('href')) : [];
            return {height: article.getBoundingClientRect().height,
                    blockTop: block ? block.getBoundingClientRect().top + scrollY - top : null,
                    lost: links.filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))};
        }""")
        if facts is None or facts["height"] <= LONG * PHONE["height"]:
            continue
        long_pages.append(path)
        # Near the top (after the summary, which on /open-data/ holds a table of the files), and
        # every link lands on this page.
        if facts["blockTop"] is None or facts["blockTop"] > 1.5 * PHONE["height"] or facts["lost"]:
            missing.append((path, round(facts["height"] / PHONE["height"], 1), facts))
    context.close()
    assert len(long_pages) >= 10, long_pages   # the measure is working: the FAQ, the policy, …
    assert {"/faq/", "/en/faq/", "/measures/enrolment-and-contributions/"} <= set(long_pages)
    assert not missing, missing
