"""A real strict build into a temporary folder, checked as HTML."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

EXTERNAL = re.compile(r"^(https?:)?//", re.I)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def is_english(site: Path, page: Path) -> bool:
    return page.relative_to(site).parts[0] == "en"


def test_fifteen_measure_pages_per_language_with_the_same_slugs(built_site, site_data):
    zh = {p.parent.name for p in (built_site / "measures").glob("*/index.html")}
    en = {p.parent.name for p in (built_site / "en" / "measures").glob("*/index.html")}
    expected = {m["id"] for m in site_data.measures}
    assert zh == en == expected and len(expected) == 15


def test_html_lang_matches_the_path(built_site):
    for page in html_pages(built_site):
        lang = soup(page).html["lang"]
        assert lang == ("en" if is_english(built_site, page) else "zh"), page


def test_every_page_links_its_translation(built_site):
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue
        links = {a["hreflang"]: a["href"] for a in soup(page).select('link[rel=alternate][hreflang]')}
        assert {"zh", "en"} <= set(links), page
        rel = page.relative_to(built_site).as_posix()
        other = rel[3:] if rel.startswith("en/") else "en/" + rel
        assert (built_site / other).exists(), f"{rel} has no translation {other}"


def test_sitemap_pairs_each_page_with_its_translation(built_site):
    xml = BeautifulSoup((built_site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    urls = xml.find_all("url")
    assert len(urls) >= 2 * 15
    for url in urls:
        alternates = {link["hreflang"]: link["href"] for link in url.find_all("xhtml:link")
                      or url.find_all("link")}
        assert set(alternates) >= {"zh", "en"}, url.loc.text
        assert alternates["en"].replace("/en/", "/", 1) == alternates["zh"]


def test_a_404_page_in_each_language(built_site):
    zh, en = soup(built_site / "404.html"), soup(built_site / "en" / "404.html")
    assert zh.html["lang"] == "zh" and "没有找到这个页面" in zh.get_text()
    assert en.html["lang"] == "en" and "Page not found" in en.get_text()
    assert zh.title.get_text().startswith("没有找到这个页面 - ")
    assert en.title.get_text().startswith("Page not found - ")
    # A 404 has no translation: its language links lead to each language's home page.
    for page in (zh, en):
        links = {link["hreflang"]: link["href"] for link in page.select('link[rel=alternate]')}
        assert links["zh"].endswith("/") and links["en"].endswith("/en/") and \
            links["en"].removesuffix("en/") == links["zh"], links


def test_no_external_asset(built_site):
    for page in html_pages(built_site):
        doc = soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for el in doc.find_all(tag):
                value = el.get(attr)
                if tag == "link" and "alternate" in (el.get("rel") or []) or \
                        tag == "link" and "canonical" in (el.get("rel") or []):
                    continue  # links *to* pages, not assets
                assert not (value and EXTERNAL.match(value)), f"{page}: {tag} {value}"
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    base = page.parent
    path = unquote(parts.path)
    target = (site / path.lstrip("/")) if path.startswith("/") else (base / path)
    if not path:
        target = page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site):
    ids_cache: dict[Path, set[str]] = {}
    problems = []
    for page in html_pages(built_site):
        for a in soup(page).select("article a[href]"):
            found = _target(built_site, page, a["href"])
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                problems.append(f"{page.relative_to(built_site)} → {a['href']} (no file)")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {el["id"] for el in soup(target).select("[id]")}
                if fragment not in ids_cache[target]:
                    problems.append(f"{page.relative_to(built_site)} → {a['href']} (no anchor)")
    assert not problems, "\n".join(problems[:20])


def test_linkable_headings_have_the_same_ascii_ids_in_both_languages(built_site, site_data):
    for m in site_data.measures:
        zh = soup(built_site / "measures" / m["id"] / "index.html")
        en = soup(built_site / "en" / "measures" / m["id"] / "index.html")
        zh_ids = [h["id"] for h in zh.select("article h2[id], article h3[id]")]
        en_ids = [h["id"] for h in en.select("article h2[id], article h3[id]")]
        assert zh_ids == en_ids, m["id"]
        for heading_id in zh_ids:
            assert re.fullmatch(r"[a-z0-9-]+", heading_id), (m["id"], heading_id)
        assert {"changes", "who", "sources"} <= set(zh_ids)
        assert [s["id"] for s in m["sections"]] == [i for i in zh_ids if i in
                                                     {s["id"] for s in m["sections"]}]


def test_every_page_has_its_own_title_and_description_in_its_language(built_site):
    titles = {}
    for page in html_pages(built_site):
        doc = soup(page)
        title = doc.title.get_text(strip=True)
        desc = doc.find("meta", attrs={"name": "description"})
        assert title and desc and desc["content"].strip(), page
        has_han = bool(re.search(r"[\u4e00-\u9fff]", desc["content"]))
        if page.name != "404.html":
            assert has_han == (not is_english(built_site, page)), (page, desc["content"])
            assert title not in titles, f"{page} and {titles.get(title)} share the title {title}"
            titles[title] = page


def test_no_marker_or_unrendered_attribute_left(built_site):
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert "<!-- site:" not in text, page
        assert "{#" not in soup(page).select_one("article").get_text() if soup(page).select_one(
            "article") else True, page


def test_search_index_is_segmented_and_has_both_languages(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert "\u200b" in text, "jieba did not segment the Chinese text"
    assert index["config"]["pipeline"] == ["trimmer"]
    locations = {doc["location"].split("/")[0] for doc in index["docs"]}
    assert "en" in locations and "measures" in locations


@pytest.mark.parametrize("page", ["index.html", "measures/index.html", "about/index.html"])
def test_core_pages_exist_in_both_languages(built_site, page):
    assert (built_site / page).exists() and (built_site / "en" / page).exists()


MONEY_KEYS = {"monthly", "quarterly", "yearly", "personal_account_monthly", "basic",
              "personal_account", "transitional", "total", "employer", "employee"}


def test_worked_examples_appear_with_their_numbers_in_both_languages(built_site, site_data):
    assert len(site_data.examples) >= 12
    for ex in site_data.examples:
        money = [v for k, v in ex["expected"].items() if k in MONEY_KEYS and isinstance(v, int | float)]
        for lang_dir in ("", "en/"):
            page = soup(built_site / lang_dir / "measures" / ex["measure"] / "index.html")
            block = page.select_one(f"#example-{ex['id']}")
            assert block is not None, (ex["id"], lang_dir)
            text = page.select_one("article").get_text(" ")
            for value in money:
                assert f"{value:,.2f}" in text, (ex["id"], lang_dir, value)


def test_pages_carry_a_qr_code_of_their_own_address(built_site):
    for rel in ("index.html", "en/index.html",
                "measures/basic-pension/index.html", "en/measures/basic-pension/index.html",
                "calculators/retirement-age/index.html", "en/guides/foreign-residents/index.html"):
        block = soup(built_site / rel).select_one("article details.page-qr")
        assert block is not None and block.select_one("svg.page-qr__code path"), rel
        url = block.select_one(".page-qr__url").get_text()
        assert url.endswith("/" + rel.removesuffix("index.html")), (rel, url)


def test_site_chrome_speaks_the_page_language_from_data_ui(built_site, site_data):
    # overrides/main.html and assets/js/a11y.js take their words from data/ui.yml (hooks/events/generate_pages.py
    # on_env): the reading options in the header, the words its script puts on Material's markup,
    # the QR.
    ui = site_data.ui
    for rel, lang in [("index.html", "zh"), ("en/index.html", "en"), ("404.html", "zh"),
                      ("en/404.html", "en"), ("en/measures/basic-pension/index.html", "en")]:
        bar = soup(built_site / rel).select_one(".md-header .reading-options")
        opener = bar.select_one("button.reading-options__toggle")
        assert opener["aria-label"] == ui["reading_options"][lang], rel
        assert bar.select_one("#" + opener["aria-controls"])["aria-label"] == ui["reading_options"][lang]
        assert bar["data-search-label"] == ui["search_label"][lang], rel
        assert bar["data-breadcrumb-label"] == ui["breadcrumb_label"][lang], rel
        assert bar["data-table-hint"] == ui["table_hint"][lang], rel
        assert bar.select_one("[data-a11y=large]").get_text(strip=True).endswith(ui["large_text"][lang])
        speak = bar.select_one("[data-a11y=speak]")
        assert speak["data-label-stop"] == ui["stop_reading"][lang]
        assert speak["data-lang"] == ui["speech_voice"][lang]
    summary = soup(built_site / "en/index.html").select_one("details.page-qr summary")
    assert summary.get_text() == ui["qr_summary"]["en"]


def test_pages_that_hide_the_contents_have_none_even_in_the_phone_drawer(built_site, site_data):
    # hooks/events/hidden_toc.py: the FAQ and glossary open with their own index; Material's drawer copy
    # of the contents was ~600 elements and per-heading scroll tracking on a slow phone.
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for prefix in ("", "en/"):
        for page in ("faq", "glossary"):
            html = (built_site / prefix / page / "index.html").read_text(encoding="utf-8")
            assert 'data-md-component="toc"' not in html and 'for="__toc"' not in html, prefix + page
        # …while search still finds each question as its own result (the hook runs after search).
        for q in site_data.faq:
            assert f"{prefix}faq/#{q['id']}" in locations
    measure = (built_site / "measures" / "basic-pension" / "index.html").read_text(encoding="utf-8")
    assert measure.count('data-md-component="toc"') == 2   # side column + phone drawer


@pytest.mark.parametrize("site_url", [None, "", "http://127.0.0.1:8000/", "http://localhost/",
                                      "http://[::1]:8000/", "pension.example.cn"])
def test_the_build_for_publishing_refuses_a_local_or_missing_site_url(tmp_path, site_url):
    """`make build` stops before building anything unless SITE_URL is a public address: the
    sitemap, canonical links and printed QR codes carry it. (`make serve` and the tests keep the
    local default.) Run on a copy of the Makefile, so nothing of the real tree can change."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copytree(ROOT / "deploy", tmp_path / "deploy")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS")}
    args = ["make", "build", f"PYTHON={sys.executable}"]
    if site_url is not None:
        args.append(f"SITE_URL={site_url}")
    before = sorted(p.name for p in tmp_path.iterdir())
    out = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode != 0
    assert "Not built: SITE_URL" in out.stderr and "make build SITE_URL=https://" in out.stderr, out.stderr
    assert "make serve" in out.stderr
    if site_url and "://" in site_url:
        assert "points to this computer" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before   # no site/, site.tmp/ or .venv/


def test_the_build_for_publishing_accepts_a_public_site_url():
    for url in ("https://pension.example.cn/", "http://203.0.113.7/anhui/"):
        out = subprocess.run([sys.executable, "deploy/check_site_url.py"], cwd=ROOT,
                             env={**os.environ, "SITE_URL": url}, capture_output=True, text=True)
        assert out.returncode == 0 and not out.stderr, (url, out.stderr)
