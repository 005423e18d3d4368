"""The policy text as pages and quotations, from checked data/policy.yml. Pure functions.

- the whole-document page (/policy/ and /en/policy/): sections h2 #s1…, clauses h3 #c1…, every
  unit with its own id (p-1, s2-3, c4-1), the same anchors in both languages; Chinese: the
  original; English: our translation with the Chinese original under each unit;
- the fold of a measure page: its clause's units, as a quotation with its source;
- the claim badge: the force in words, linked to the cited units.

Everything here is raw HTML inside Markdown: MkDocs does not rewrite its links, so links are
relative URLs built from the page's depth (use_directory_urls: /measures/x/ is two folders down).
"""

from __future__ import annotations

from html import escape

import hooks.render.measures as render_measures  # front_matter, at call time (measures imports this module)
from hooks.render import page_jumps
from hooks.render.textfmt import ORIGINAL, clause_label, clause_prefix, labelled, section_numeral, t, ui

# The original under its translation: marked with its language, and kept out of the search index
# (both languages share one index: a Chinese search should bring the Chinese page, which has the
# same words, not the English translation that quotes them).
UNDER = f'lang="{ORIGINAL}" data-search-exclude'

POLICY_DIR = "policy"


def policy_url(depth: int, anchor: str = "") -> str:
    """Relative URL of the policy page from a page `depth` folders below the language root."""
    return "../" * depth + f"{POLICY_DIR}/" + (f"#{anchor}" if anchor else "")


def _h(text: str) -> str:
    return escape(text, quote=False)


# --- Where a unit is ------------------------------------------------------------------------

def unit_labels(site, lang: str) -> dict[str, str]:
    """Unit id → how a reader names it: 第（四）条第2句 / clause (4), sentence 2."""
    pol, u = site.policy, site.ui
    labels = {unit.id: ui(u, "unit_preamble", lang, i=i)
              for i, unit in enumerate(pol["preamble_units"], 1)}
    for sec in pol["sections"]:
        for i, unit in enumerate(sec.get("_units", []), 1):
            labels[unit.id] = ui(u, "unit_part", lang, n=section_numeral(sec["number"], lang, u), i=i)
        for cl in sec.get("clauses", []):
            for i, unit in enumerate(cl["_units"], 1):
                labels[unit.id] = ui(u, "unit_clause", lang, i=i,
                                     clause=clause_label(cl["number"], lang, u))
    return labels


# --- Claims ---------------------------------------------------------------------------------

def claim_links(site, claim: dict, lang: str, depth: int) -> str:
    """The force in words, then one link per cited unit. The force word is inside the first
    link, so it is text (not colour) and is read out with the sentence it rests on."""
    labels = unit_labels(site, lang)
    force = ui(site.ui, f"force_{claim['force']}", lang)
    links = []
    for i, uid in enumerate(claim["cites"]):
        head = f'<span class="claim-force">{_h(force)}</span> ' if i == 0 else ""
        links.append(f'<a class="claim-cite" href="{policy_url(depth, uid)}">{head}'
                     f'{_h(labels[uid])}</a>')
    return " ".join(links)


def claim_attrs(claim: dict) -> str:
    return f'data-force="{claim["force"]}" data-cites="{" ".join(claim["cites"])}"'


def changes_list(site, changes: list[dict], lang: str, depth: int) -> str:
    """A measure's "what changes" list: every item is a claim with its force and cites."""
    items = [f'<li class="claim" {claim_attrs(c)}>{_h(t(c, lang))} '
             f'{claim_links(site, c, lang, depth)}</li>' for c in changes]
    return '<ul class="claims">\n' + "\n".join(items) + "\n</ul>\n"


def claim_note(site, item: dict, lang: str, depth: int) -> str:
    """For a FAQ answer or guide step that carries force/cites: one line under it, as inline
    HTML so it also works inside a list item."""
    if "force" not in item:
        return ""
    basis = labelled(site.ui, ui(site.ui, "claim_basis", lang), claim_links(site, item, lang, depth), lang)
    return f'<span class="claim claim-note" {claim_attrs(item)}>{basis}</span>'


# --- The fold on a measure page -------------------------------------------------------------

def _source(site) -> dict:
    return site.sources[site.policy["source"]]


def clause_fold(site, clause: int, lang: str, depth: int) -> str:
    u, src = site.ui, _source(site)
    cl = next(c for s in site.policy["sections"] for c in s.get("clauses", [])
              if c["number"] == clause)
    label = clause_label(clause, lang, u)
    heading = ui(u, "numbered_sentence", ORIGINAL, n=clause_prefix(clause, ORIGINAL, u),
                 t=t(cl["heading"], ORIGINAL))
    if lang == ORIGINAL:
        body = f'<p><strong>{_h(heading)}</strong>{"".join(_h(x.zh) for x in cl["_units"])}</p>'
    else:
        en_head = ui(u, "numbered_sentence", lang, n=clause_prefix(clause, lang, u), t=t(cl["heading"], lang))
        parts = [f'<p><strong>{_h(en_head)}</strong><br><span {UNDER}>{_h(heading)}</span></p>']
        parts += [f'<p>{_h(getattr(x, lang))}<br><span {UNDER}>{_h(x.zh)}</span></p>' for x in cl["_units"]]
        body = "\n".join(parts)
    cite = f' cite="{escape(src["url"])}"' if src.get("url") else ""
    source = f'<a href="{escape(src["url"])}">{_h(t(src["title"], lang))}</a>' \
        if src.get("url") else _h(t(src["title"], lang))
    return (f'<details class="quote policy-fold" id="text">\n'
            f'<summary>{_h(ui(u, "policy_fold", lang, clause=label))}</summary>\n'
            f'<p class="policy-fold-note">{_h(ui(u, "policy_fold_note", lang))}</p>\n'
            f'<blockquote{cite}>\n{body}\n</blockquote>\n'
            f'<p class="policy-fold-source">{labelled(u, _h(ui(u, "policy_source", lang)), source, lang)} · '
            f'<a href="{policy_url(depth, cl["id"])}">{_h(ui(u, "policy_fold_whole", lang))}</a></p>\n'
            f'</details>\n')


def clause_link(site, clause: int, lang: str, depth: int) -> str:
    label = ui(site.ui, "policy_clause_link", lang, clause=clause_label(clause, lang, site.ui))
    return f'<a href="{policy_url(depth, f"c{clause}")}">{_h(label)}</a>'


# --- The whole-document page ----------------------------------------------------------------

def _units_html(units, labels: dict[str, str], lang: str, u: dict) -> str:
    """zh: units run on as the paragraphs of the original (a unit starting with —— opens a new
    paragraph, as the targets of section 二 do). en: one block per unit, original under it."""
    def ref(x, number: int) -> str:
        # The visible number is the sentence's place in its part or clause, as in the labels.
        return (f'<a class="unit-ref" href="#{x.id}" '
                f'title="{escape(ui(u, "unit_link", lang, label=labels[x.id]))}">{number}</a>')

    if lang != ORIGINAL:   # a translation: each sentence with the original under it
        return "\n".join(f'<div class="unit" id="{x.id}"><p>{_h(getattr(x, lang))} {ref(x, i)}</p>'
                         f'<p class="unit-zh" {UNDER}>{_h(x.zh)}</p></div>'
                         for i, x in enumerate(units, 1)) + "\n"
    paragraphs: list[list] = []
    for i, x in enumerate(units, 1):
        if not paragraphs or x.zh.startswith("——"):
            paragraphs.append([])
        paragraphs[-1].append((i, x))
    return "\n".join('<p class="policy-para">' + "".join(
        f'<span class="unit" id="{x.id}">{_h(x.zh)}</span>{ref(x, i)}' for i, x in para) + "</p>"
        for para in paragraphs) + "\n"


def render_policy_page(site, lang: str) -> str:
    pol, u, src = site.policy, site.ui, _source(site)
    labels = unit_labels(site, lang)
    title = ui(u, "policy_title", lang)
    out = [render_measures.front_matter(title, ui(u, "policy_intro", lang)), f"# {title}\n"]
    source = f'<a href="{escape(src["url"])}">{_h(t(src["title"], lang))}</a>' \
        if src.get("url") else _h(t(src["title"], lang))
    out.append(f'<p class="policy-source">'
               f'{labelled(u, "<strong>" + _h(ui(u, "policy_source", lang)) + "</strong>", source, lang)}</p>\n')
    if lang != ORIGINAL:
        out.append(f'!!! warning "{ui(u, "policy_unofficial_title", lang)}"\n\n'
                   f'    {ui(u, "policy_unofficial", lang)}\n')
    out.append(ui(u, "policy_intro", lang) + "\n")
    opening, out = out, []   # the jump links to the sections and clauses go under the intro
    doc_title = f"<strong>{_h(t(pol['title'], lang))}</strong>"
    if lang != ORIGINAL:
        doc_title += f'<br><span {UNDER}>{_h(t(pol["title"], ORIGINAL))}</span>'
    out.append(f'<p class="policy-doc-title">{doc_title}</p>\n')
    out.append(_units_html(pol["preamble_units"], labels, lang, u))
    for sec in pol["sections"]:
        zh_head = ui(u, "policy_section", ORIGINAL, n=section_numeral(sec["number"], ORIGINAL, u),
                     t=t(sec["heading"], ORIGINAL))
        head = ui(u, "policy_section", lang, n=section_numeral(sec["number"], lang, u),
                  t=t(sec["heading"], lang))
        out.append(f"## {head} {{#{sec['id']}}}\n")
        if lang != ORIGINAL:
            out.append(f'<p class="unit-zh" {UNDER}>{_h(zh_head)}</p>\n')
        if "_units" in sec:
            out.append(_units_html(sec["_units"], labels, lang, u))
        for cl in sec.get("clauses", []):
            zh_cl = ui(u, "numbered", ORIGINAL, n=clause_prefix(cl["number"], ORIGINAL, u),
                       t=t(cl["heading"], ORIGINAL))
            cl_head = ui(u, "numbered", lang, n=clause_prefix(cl["number"], lang, u), t=t(cl["heading"], lang))
            out.append(f"### {cl_head} {{#{cl['id']}}}\n")
            if lang != ORIGINAL:
                out.append(f'<p class="unit-zh" {UNDER}>{_h(zh_cl)}</p>\n')
            out.append(_units_html(cl["_units"], labels, lang, u))
    return page_jumps.before_sections(opening, out, u, lang, levels=3)
