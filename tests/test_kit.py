"""The outreach kit in the built site (issue 14, point 2): a flyer per guide and measure in both
languages, listed on /kit/ and kept out of search; a share block on every guide and measure
page; every 12333 a tel: link and every agency name a link to its official site; and the data
file behind the links refuses what it cannot use. Printing and the copy button: test_kit_browser.py."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
import yaml
from conftest import DATA

from hooks.load import site_data as sitedata
from hooks.load.schema import DataError
from hooks.render import contact_links

LANG_PREFIX = {"zh": "", "en": "en/"}
SKIPPED = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button",
           "summary", "label", "textarea", "title", "svg", "blockquote", "template", "select",
           "option"}


class Article(HTMLParser):
    """The article's text outside links, headings, code and controls; and every link in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = self.skip = 0
        self.inside = False
        self.text: list[str] = []
        self.links: list[tuple[dict, str]] = []
        self._link: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside = True
        if not self.inside:
            return
        if tag in SKIPPED:
            self.skip += 1
        if tag == "a":
            self._link, self._words = attrs, []

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside = False
        if not self.inside:
            return
        if tag in SKIPPED:
            self.skip -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link, "".join(self._words)))
            self._link = None

    def handle_data(self, data):
        if not self.inside:
            return
        if self._link is not None:
            self._words.append(data)
        if not self.skip:
            self.text.append(data)


def article(path) -> Article:
    parser = Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def canonical(path) -> str:
    return re.search(r'<link rel="canonical" href="([^"]+)"', path.read_text(encoding="utf-8")).group(1)


def subjects(site_data):
    return [("guides", g) for g in site_data.guides] + [("measures", m) for m in site_data.measures]


# --- Flyers and the kit page --------------------------------------------------------------------

def test_every_guide_and_measure_has_a_flyer_in_both_languages_with_its_page_address(built_site, site_data):
    count = 0
    for kind, item in subjects(site_data):
        for lang, prefix in LANG_PREFIX.items():
            flyer = built_site / f"{prefix}kit/{kind}/{item['id']}/index.html"
            page = built_site / f"{prefix}{kind}/{item['id']}/index.html"
            html = flyer.read_text(encoding="utf-8")
            assert f'<h1 id="flyer">{item["title"][lang].strip()}' in html, flyer
            assert item["summary"][lang].strip() in html
            assert html.count('class="flyer__qr"') == 1
            assert f'<span class="flyer__url">{canonical(page)}</span>' in html, flyer
            assert "page-qr" not in html   # the page's own small code would point at the flyer
            count += 1
    assert count == 2 * (len(site_data.guides) + len(site_data.measures)) == 52


def test_a_measure_flyer_holds_its_changes_and_a_guide_flyer_its_steps_and_where_to_ask(built_site, site_data):
    measure = site_data.measure("enrolment-and-contributions")
    html = (built_site / "en/kit/measures/enrolment-and-contributions/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)   # glossary and agency links keep their words
    for change in measure["changes"]:
        assert change["en"].strip() in text
    guide = next(g for g in site_data.guides if g["id"] == "flexible-workers")
    html = (built_site / "kit/guides/flexible-workers/index.html").read_text(encoding="utf-8")
    items = [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(.*?)</li>", html)]
    for step in guide["steps"]:
        assert step["title"]["zh"].strip() in items
    assert html.count('href="tel:12333"') >= 1


def test_the_kit_page_lists_every_flyer_in_both_languages(built_site, site_data):
    for prefix in LANG_PREFIX.values():
        page = built_site / f"{prefix}kit/index.html"
        hrefs = [a["href"] for a, _ in article(page).links if "kit/" in a.get("href", "")]
        targets = {(page.parent / href / "index.html").resolve() for href in hrefs}
        wanted = {(built_site / f"{p}kit/{kind}/{item['id']}/index.html").resolve()
                  for kind, item in subjects(site_data) for p in LANG_PREFIX.values()}
        assert targets == wanted
        assert all(t.exists() for t in targets)


def test_flyers_are_kept_out_of_search_but_the_kit_page_is_in(built_site):
    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert "kit/" in locations and "en/kit/" in locations
    assert not [loc for loc in locations if re.match(r"(en/)?kit/(guides|measures)/", loc)]
    # Nor the share block: its words are on 26 pages.
    assert not [d["location"] for d in docs if "Paste this text into" in d["text"]]


# --- Share block ----------------------------------------------------------------------------------

def test_every_guide_and_measure_page_has_its_text_to_share_and_a_link_to_its_flyer(built_site, site_data):
    for kind, item in subjects(site_data):
        for lang, prefix in LANG_PREFIX.items():
            page = built_site / f"{prefix}{kind}/{item['id']}/index.html"
            html = page.read_text(encoding="utf-8")
            box = re.search(r'<textarea class="share__text"[^>]*>(.*?)</textarea>', html, re.S)
            assert box, page
            assert box.group(1).split("\n") == [item["title"][lang].strip(), item["summary"][lang].strip(),
                                                canonical(page)]
            flyer = re.search(r'<a href="([^"]+)">[^<]+</a></p><p class="share__status"', html).group(1)
            assert (page.parent / flyer / "index.html").resolve() == \
                (built_site / f"{prefix}kit/{kind}/{item['id']}/index.html").resolve()
    assert 'class="share"' not in (built_site / "measures/index.html").read_text(encoding="utf-8")


# --- Tap to call, agency links -------------------------------------------------------------------

def pages(built_site):
    return [p for p in sorted(built_site.rglob("index.html"))
            if p.relative_to(built_site).parts[0] not in {"assets", "search"}]


def test_every_12333_a_page_shows_is_a_tel_link(built_site):
    counted = 0
    for path in pages(built_site):
        page = article(path)
        tel = [w for a, w in page.links if a.get("href") == "tel:12333"]
        assert all(w == "12333" for w in tel), path
        # The running text (outside links, headings, code, controls) holds no 12333 of its own.
        assert "12333" not in "".join(page.text), path
        counted += len(tel)
    # The guides' "ask" lists alone name it 22 times (11 guides, 2 languages).
    assert counted > 100


def test_tel_links_on_a_guide_count_every_12333_in_its_data(built_site, site_data):
    guide = next(g for g in site_data.guides if g["id"] == "flexible-workers")
    for lang, prefix in LANG_PREFIX.items():
        in_data = sum(step["body"][lang].count("12333") for step in guide["steps"]) + \
            sum(a[lang].count("12333") for a in guide["ask"]) + guide["intro"][lang].count("12333")
        html = (built_site / f"{prefix}guides/flexible-workers/index.html").read_text(encoding="utf-8")
        assert in_data >= 3
        assert html.count('<a class="tel" href="tel:12333">12333</a>') == in_data


def test_agency_names_link_to_their_official_sites(built_site, site_data):
    found = set()
    for path in pages(built_site):
        parts = path.relative_to(built_site).parts
        if "policy" in parts[:2]:   # the policy text is a quotation: shown as written
            continue
        lang = "en" if parts[0] == "en" else "zh"
        by_form = {form: agency for agency in site_data.agencies for form in agency["names"][lang]}
        page = article(path)
        for a, words in page.links:
            if "agency" in (a.get("class") or ""):
                agency = by_form[next(f for f in by_form if f.lower() == words.lower())]
                assert a["href"] == agency["url"], (path, words)
                assert ("title" in a) == agency["local"], (path, words)
                found.add(agency["id"])
        # No name left unlinked in running text (longest names first: 当地社保经办机构 is one).
        text = "".join(page.text)
        for form in sorted(by_form, key=len, reverse=True):
            assert form not in text, (path, form)
            text = text.replace(form, "")
    assert found == {a["id"] for a in site_data.agencies}
    assert {a["url"] for a in site_data.agencies} == {"https://hrss.ah.gov.cn", "https://anhui.chinatax.gov.cn"}


def test_links_are_never_put_inside_headings_code_or_links():
    html = ('<h2 id="call-12333">Call 12333</h2><p>Call 12333 or ask your local social insurance '
            'agency.</p><code>12333</code><a href="x">12333</a><p>123334 and 512333 are not it.</p>'
            '<textarea>12333</textarea>')
    agencies = [{"id": "x", "url": "https://hrss.ah.gov.cn", "local": True,
                 "names": {"en": ["social insurance agency", "local social insurance agency"], "zh": ["x"]}}]
    out = contact_links.link_contacts(html, "12333", agencies, "en", "note")
    assert out == ('<h2 id="call-12333">Call 12333</h2><p>Call <a class="tel" href="tel:12333">12333</a>'
                   ' or ask your <a class="agency" href="https://hrss.ah.gov.cn" title="note">local '
                   'social insurance agency</a>.</p><code>12333</code><a href="x">12333</a>'
                   '<p>123334 and 512333 are not it.</p><textarea>12333</textarea>')


@pytest.mark.parametrize("change, message", [
    (lambda d: d["agencies"][0].update(source="no-such-source"),
     "data/agencies.yml: agencies[0].source: expected a source id from data/sources.yml whose url "
     "is an https:// address, got 'no-such-source'"),
    (lambda d: d.update(hotline=12333),
     "data/agencies.yml: hotline: expected a phone number in quotes, digits only, like '12333', got 12333"),
    (lambda d: d["agencies"][1]["names"]["zh"].append(d["agencies"][0]["names"]["zh"][0]),
     "data/agencies.yml: agencies[1].names.zh[2]: expected a name no other agency has (also anhui-hrss)"),
])
def test_bad_agency_data_is_refused_naming_file_key_and_value(data_copy, change, message):
    path = data_copy / "agencies.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sitedata.load(data_copy)
    assert str(err.value).startswith(message), str(err.value)


def test_the_agency_addresses_come_from_the_sources_file():
    doc = yaml.safe_load((DATA / "agencies.yml").read_text(encoding="utf-8"))
    assert "http" not in json.dumps(doc)   # never typed twice: each names its source
