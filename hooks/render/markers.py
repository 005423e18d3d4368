"""Fill `<!-- site:NAME -->` markers in hand-written pages with Markdown made from data.

A writer can move a marker anywhere in docs/index.md or docs/about.md (and their .en.md twins);
an unknown marker name stops the build (KeyError → the hook names the page)."""

from __future__ import annotations

import re

from hooks.render import calculators as calc_tables
from hooks.render import charts, finder, open_data, page_jumps
from hooks.render.measures import page_title
from hooks.render.textfmt import bracketed, clause_label, joined, labelled, source_line, t, ui

MARKER = re.compile(r"<!--\s*site:([a-z-]+)\s*-->")


def fill(markdown: str, site, lang: str, page_url: str = "") -> str:
    """``page_url``: the page's address below the site root (e.g. en/calculators/x/), for the
    markers that depend on the page (calc_tables.PAGE_RENDERERS)."""
    def one(match: re.Match) -> str:
        name = match.group(1)
        if name == "jumps":   # links to the page's own sections below the marker (page_jumps.py)
            return page_jumps.block(site.ui, lang, page_jumps.sections(markdown[match.end():]))
        if name in calc_tables.PAGE_RENDERERS:
            return calc_tables.PAGE_RENDERERS[name](site, lang, page_url)
        return RENDERERS[name](site, lang)
    return MARKER.sub(one, markdown)


def check_calculator_tables(markdown: str, site, page_url: str) -> None:
    """A calculator page shows exactly the tables its entry in data/calculators.yml lists."""
    if "<!-- site:calculator -->" not in markdown:
        return
    calc = calc_tables.calculator_of(site, page_url)
    shown = [name[len("calc-"):-len("-table")] for name in MARKER.findall(markdown)
             if name.startswith("calc-") and name.endswith("-table")]
    if sorted(shown) != sorted(calc["tables"]):
        raise ValueError(f"the tables on the page ({', '.join(shown) or 'none'}) must be the ones "
                         f"data/calculators.yml lists for {calc['id']} ({', '.join(calc['tables'])})")


def _intro(site, lang):
    return "\n".join(f"- {t(item, lang)}" for item in site.document["intro"]) + "\n"


def _audiences(site, lang):
    guides = {g["id"] for g in site.guides}
    lines = []
    for aud in site.audiences:
        name = t(aud["name"], lang)
        if aud["id"] in guides:
            lines.append(f"- [{name}](guides/{aud['id']}.md)")
        else:
            count = sum(aud["id"] in m["audiences"] for m in site.measures)
            lines.append(f"- {name}" + bracketed(site.ui, ui(site.ui, "audience_measures", lang, n=count), lang))
    return "\n".join(lines) + "\n"


def _targets(site, lang):
    doc = site.document
    rows = []
    for target in doc["targets"]:
        rows.append(f'<div class="target" id="target-{target["id"]}"><strong>{target["percent"]}%</strong>'
                    f'<span>{t(target["label"], lang)}</span></div>')
    goal = doc["service_goal"]
    rows.append(f'<div class="target target--wide" id="target-{goal["id"]}">'
                f'<span>{t(goal["label"], lang)}</span></div>')
    note = ui(site.ui, "targets_note", lang, year=doc["targets"][0]["by"])
    return '<div class="targets">\n' + "\n".join(rows) + "\n</div>\n\n" + note + "\n"


def _highlights(site, lang):
    lines = []
    for h in site.document["highlights"]:
        links = joined(site.ui, (f"[{clause_label(site.measure(mid)['clause'], lang, site.ui)}]"
                                 f"(measures/{mid}.md)" for mid in h["measures"]), lang)
        lines.append(f"- {t(h['text'], lang)}" + bracketed(site.ui, links, lang))
    return "\n".join(lines) + "\n"


def _measures(site, lang):
    out = []
    for area in site.areas:
        items = [m for m in site.measures if m["area"] == area["id"]]
        links = " · ".join(f"[{page_title(m, lang, site.ui)}](measures/{m['id']}.md)" for m in items)
        out.append("- " + labelled(site.ui, f"**[{t(area['title'], lang)}](measures/index.md#{area['id']})**",
                                   links, lang))
    return "\n".join(out) + "\n"


def _calculators(site, lang):
    return "\n".join(f"- [{t(c['name'], lang)}](calculators/{c['id']}.md)"
                     for c in site.calculators) + "\n"


def _document(site, lang):
    doc, u = site.document, site.ui
    src = site.sources[doc["source"]]
    rows = [
        (ui(u, "document_title", lang), t(doc["title"], lang)),
        (ui(u, "document_issuers", lang), t(doc["issuers"], lang)),
        (ui(u, "document_number", lang), t(doc["number"], lang)),
        (ui(u, "document_source", lang), source_line(src, lang, u)),
        (ui(u, "document_reviewed", lang), doc["last_reviewed"].isoformat()),
    ]
    head = f"| {ui(u, 'document_item', lang)} | {ui(u, 'document_detail', lang)} |\n|---|---|\n"
    return head + "\n".join(f"| {k} | {v} |" for k, v in rows) + "\n"


def _sources(site, lang):
    return "\n".join(f"- {source_line(s, lang, site.ui)}"
                     for s in site.sources.values()) + "\n"


def _last_reviewed(site, lang):
    return site.document["last_reviewed"].isoformat()


RENDERERS = {
    "intro": _intro,
    "audiences": _audiences,
    "targets": _targets,
    "highlights": _highlights,
    "measures": _measures,
    "calculators": _calculators,
    "document": _document,
    "sources": _sources,
    "last-reviewed": _last_reviewed,
}
RENDERERS.update(calc_tables.RENDERERS)
RENDERERS.update(open_data.RENDERERS)
RENDERERS.update(finder.RENDERERS)
RENDERERS["charts"] = charts.charts_page
