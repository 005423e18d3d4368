"""MkDocs hook: data/*.yml → checked SiteData → generated Markdown pages under docs/.

Why files on disk: mkdocs-static-i18n drops or crashes on virtual files (File.generated), so
pages are written into generator-owned folders in on_pre_build, only when their content changed
(otherwise `mkdocs serve` would rebuild forever), and stale ones are deleted
(ecosystem.md §2.2, §5.1). Every event runs once per language: everything here is idempotent.
"""

from __future__ import annotations

import json
import logging
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from hooks.load import site_data as sitedata
from hooks.load.languages import DEFAULT, LANGS, url_prefix
from hooks.load.schema import DataError
from hooks.render import charts, contact_links, flyers, glossary_links, markers, open_data, pages, qr, share
from hooks.render import policy as render_policy
from hooks.render.textfmt import ui
from pension import params as pension_params

_state: dict = {}
log = logging.getLogger("mkdocs.hooks.generate")


def on_config(config):
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    try:
        site = sitedata.load(root / "data")   # also builds and checks site.params
        charts.check(site)                    # every chart has its words, every word its chart
        for page in _hand_written(docs):      # their figures too, before anything is written
            site.figures.fill(page.read_text(encoding="utf-8"), _page_lang(page),
                              f"docs/{page.relative_to(docs).as_posix()}", "(page)")
        # The open data files, made and held to their documentation before anything is written.
        made = open_data.documents(site, config.site_url or "/")
        open_data.check_documented(site, made)
    except DataError as err:
        raise PluginError(f"Bad data, nothing was built: {err}") from None
    params = site.params
    if _state.get("coverage") != site.coverage.line():   # once, not once per language
        log.info(site.coverage.line())
    _state["coverage"] = site.coverage.line()
    _state.update(site=site, params=params, docs=docs)
    if not config.plugins["i18n"].building:   # the default language's build: its site_url is the root
        _state["open_data"] = made
        _state["root_url"] = config.site_url or "/"   # the flyers' QR codes: full page addresses
    config.nav = _nav(config.nav, site)
    _translate_nav(config, site)
    return config


def on_pre_build(config):
    site, params = _state["site"], _state["params"]
    try:
        generated = pages.build_pages(site, params)
        generated.update(flyers.flyer_pages(site, _state["root_url"]))
    except DataError as err:   # e.g. a working step with no words in data/example_words.yml
        raise PluginError(f"Bad data, nothing was built: {err}") from None
    write_pages(Path(config.docs_dir), generated)
    assets = Path(config.docs_dir) / "assets" / "generated"
    # The offline worker's notice (docs/sw.js), in both languages: it cannot read the pages' words.
    _write_if_changed(assets / "offline.json", json.dumps(
        {lang: {key.removeprefix("offline_"): ui(site.ui, key, lang)
                for key in site.ui if key.startswith("offline_")}
         for lang in LANGS}, ensure_ascii=False, sort_keys=True))
    if params is not None:   # only the parameters the calculators list (data/calculators.yml)
        used = {name for calc in site.calculators for name in calc["parameters"]}
        _write_if_changed(assets / "parameters.json",
                          json.dumps(pension_params.to_browser_json(params, used), ensure_ascii=False,
                                     sort_keys=True, separators=(",", ":")))


@event_priority(-100)   # after mkdocs-static-i18n has built the other language (priority 0)
def on_post_build(config):
    """The open data files at their stable addresses, /data/<id>.json (hooks/render/open_data.py):
    beside the pages, not in docs/, so they are neither a page nor copied under /en/, and never
    fingerprinted (hooks/events/fingerprint.py KEEP_ADDRESS)."""
    if config.plugins["i18n"].building:   # inside static-i18n's build of the other language
        return
    made = _state["open_data"]
    folder = Path(config.site_dir) / open_data.FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for file_id, doc in made.items():
        (folder / f"{file_id}.json").write_text(open_data.to_json(doc), encoding="utf-8")


def on_env(env, *, config, files):
    # Templates (overrides/main.html) take their words from data/ui.yml too. static-i18n builds
    # once per language, and the theme's language is that build's language.
    lang = config.theme["language"]
    env.globals["ui"] = {key: words[lang] for key, words in _state["site"].ui.items()}
    return env


def on_page_markdown(markdown, *, page, config, files):
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    # {{…}} figures in hand-written pages (hooks/load/figures.py; checked in on_config). Generated
    # pages come from data texts, filled as they were read, and may hold braces (JSON-LD).
    if page.file.src_uri.split("/")[0] not in pages.GENERATED_DIRS:
        try:
            markdown = _state["site"].figures.fill(markdown, lang, f"docs/{page.file.src_uri}",
                                                   "(page)")
        except DataError as err:
            raise PluginError(f"Bad data, nothing was built: {err}") from None
    try:
        markers.check_calculator_tables(markdown, _state["site"], page.url)
        return markers.fill(markdown, _state["site"], lang, page.url)
    except KeyError as err:
        raise PluginError(f"{page.file.src_uri}: unknown marker {err}") from None
    except ValueError as err:
        raise PluginError(f"{page.file.src_uri}: {err}") from None


def on_page_content(html, *, page, config, files):
    site = _state["site"]
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    address = page.canonical_url or (config.site_url + page.url)
    subject = flyers.subject_of(site, page.url)
    if subject:   # a guide or a measure: text to paste into a chat, and its flyer
        kind, item = subject
        text = share.share_text(item["title"][lang].strip(), item["summary"][lang].strip(), address)
        here = "/" + page.url.lstrip("/")
        flyer = f"{url_prefix(lang)}/{flyers.KIT_DIR}/{kind}/{item['id']}/"
        html += share.share_block(site.ui, lang, text, _relative(here, flyer))
    # Every page, both home pages included (the home page is the most handed-out address), but
    # a flyer: it carries a larger code of the page it is about.
    if not flyers.is_flyer(page.file.src_uri):
        html += qr.qr_block(address, ui(site.ui, "qr_summary", lang), ui(site.ui, "qr_label", lang))
    # Python-Markdown names every heading's "#" link "Permanent link", in English on every page.
    html = html.replace('title="Permanent link"', f'title="{ui(site.ui, "permalink_title", lang)}"')
    # The policy text is a quotation: no links of ours inside it.
    if page.file.src_uri.startswith(render_policy.POLICY_DIR + "/"):
        return html
    # Before the glossary: the hotline's glossary entry is no use to someone who can tap to call.
    html = contact_links.link_contacts(html, site.hotline, site.agencies, lang,
                                       ui(site.ui, "agency_local_note", lang))
    if not site.glossary or page.file.src_uri.startswith("glossary/"):
        return html
    terms = [(form, term["id"], term["definition"][lang].strip())
             for term in site.glossary for form in [term[lang], *term["aliases"][lang]]]
    here = "/" + page.url if not page.url.startswith("/") else page.url
    target = f"{url_prefix(lang)}/glossary/"
    return glossary_links.link_terms(html, terms, lang, _relative(here, target))


def _relative(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs, so the site works under any base path."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
    rel = posixpath.relpath(to_url, base)
    return rel if rel.endswith("/") else rel + "/"


# --- Helpers --------------------------------------------------------------------------------

def _hand_written(docs: Path) -> list[Path]:
    return [p for p in sorted(docs.rglob("*.md"))
            if p.relative_to(docs).parts[0] not in pages.GENERATED_DIRS]


def _page_lang(page: Path) -> str:
    return "en" if page.name.endswith(".en.md") else "zh"


def write_pages(docs: Path, generated: dict[str, str]) -> None:
    """Write changed pages and delete stale files in the generator's own folders."""
    for rel, text in generated.items():
        _write_if_changed(docs / rel, text)
    wanted = {docs / rel for rel in generated}
    for folder in pages.GENERATED_DIRS:
        for path in (docs / folder).rglob("*.md"):
            if path not in wanted:
                path.unlink()


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


_GENERATED_PAGES = {"faq/index.md", "glossary/index.md", "about.md", "open-data.md",
                    "charts.md", f"{flyers.KIT_DIR}/index.md",
                    f"{render_policy.POLICY_DIR}/index.md"}


def _nav(nav: list, site) -> list:
    """Hand-written nav from mkdocs.yml plus the generated sections. Existing generated entries
    are dropped first, so running once per language (and on every serve rebuild) is harmless."""
    measures, guides, calculators = _section_titles(site, DEFAULT)
    keep = [item for item in nav
            if not (isinstance(item, dict) and set(item) & {measures, guides, calculators})
            and item not in _GENERATED_PAGES]
    sections: list = [{measures: ["measures/index.md"]
                       + [f"measures/{m['id']}.md" for m in site.measures]},
                      f"{render_policy.POLICY_DIR}/index.md"]
    if site.guides:
        sections.append({guides: ["guides/index.md"]
                         + [f"guides/{g['id']}.md" for g in site.guides]})
    if site.calculators:
        sections.append({calculators: ["calculators/index.md"]
                         + [f"calculators/{c['id']}.md" for c in site.calculators]})
    sections.append("charts.md")      # hand-written: every chart (hooks/render/charts.py)
    if site.faq:
        sections.append("faq/index.md")
    if site.glossary:
        sections.append("glossary/index.md")
    return keep + sections + ["about.md", "open-data.md", f"{flyers.KIT_DIR}/index.md"]


def _section_titles(site, lang: str) -> tuple[str, str, str]:
    """The generated nav sections' titles, from data/ui.yml (hooks/load/required_words.py checks
    these words exist before anything is written)."""
    return (ui(site.ui, "measures_title", lang), ui(site.ui, "guides_title", lang),
            ui(site.ui, "nav_calculators", lang))


def _translate_nav(config, site) -> None:
    """mkdocs-static-i18n translates nav titles written in the default language through each
    other language's nav_translations: they are filled in here from data/ui.yml, so
    mkdocs.yml repeats no word."""
    for language in config.plugins["i18n"].config.languages:
        if language.locale != DEFAULT:
            language.nav_translations = {
                **(language.nav_translations or {}),
                **dict(zip(_section_titles(site, DEFAULT), _section_titles(site, language.locale),
                           strict=True))}
