"""Reader-side pages as Markdown: the FAQ, the glossary and the guides by situation.
Pure functions of checked SiteData."""

from __future__ import annotations

import json
import re

from hooks.load.languages import LANGUAGES
from hooks.render import charts, page_jumps
from hooks.render.measures import front_matter, page_title
from hooks.render.policy import claim_note
from hooks.render.textfmt import joined, labelled, other_lang, source_line, t, ui


def reader_pages(site, lang: str) -> dict[str, str]:
    """Paths (Chinese form, without the language suffix) → Markdown."""
    pages: dict[str, str] = {}
    if site.faq:
        pages["faq/index.md"] = render_faq(site, lang)
    if site.glossary:
        pages["glossary/index.md"] = render_glossary(site, lang)
    if site.guides:
        pages["guides/index.md"] = render_guides_index(site, lang)
        for g in site.guides:
            pages[f"guides/{g['id']}.md"] = render_guide(site, g, lang)
    return pages


# --- FAQ ------------------------------------------------------------------------------------

def _faq_entry(site, q: dict, lang: str, *, level: int, measure_link: str | None,
               depth: int) -> str:
    u = site.ui
    lines = [f"{'#' * level} {t(q['question'], lang)} {{#{q['id']}}}\n", t(q["answer"], lang) + "\n"]
    if "force" in q:   # an answer that says what the policy does: its force and its units
        lines.append(claim_note(site, q, lang, depth) + "\n")
    meta = []
    if measure_link:
        m = site.measure(q["measure"])
        meta.append(labelled(u, ui(u, "faq_measure", lang), f"[{page_title(m, lang, u)}]({measure_link})", lang))
    cites = []
    for sid in q["sources"]:
        src = site.sources[sid]
        title = t(src["title"], lang)
        cites.append(f"[{title}]({src['url']})" if src.get("url") else title)
    meta.append(labelled(u, ui(u, "faq_sources", lang), ui(u, "semicolon", lang).join(cites), lang))
    # Markdown (not raw HTML) so MkDocs checks and rewrites the links; attr_list adds the class.
    lines.append("  \n".join(meta) + "\n{: .faq-meta }\n")
    return "\n".join(lines)


def faq_for_measure(site, measure_id: str, lang: str) -> str:
    items = [q for q in site.faq if q["measure"] == measure_id]
    return "\n".join(_faq_entry(site, q, lang, level=3, measure_link=None, depth=2) for q in items)


def faq_jsonld(items: list[dict], lang: str, u: dict) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": ui(u, "language_tag", lang),
        "mainEntity": [
            {"@type": "Question", "name": t(q["question"], lang),
             "acceptedAnswer": {"@type": "Answer", "text": t(q["answer"], lang)}}
            for q in items
        ],
    }
    return _script(data)


def _script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>\n'


def render_faq(site, lang: str) -> str:
    u = site.ui
    title = ui(u, "faq_title", lang)
    out = [front_matter(title, ui(u, "faq_intro", lang), hide_toc=True), f"# {title}\n",
           ui(u, "faq_intro", lang) + "\n", faq_jsonld(site.faq, lang, u)]
    # The groups, each with its number of questions: the page in one look, and a tap away.
    sizes = {tp["id"]: sum(q["topic"] == tp["id"] for q in site.faq) for tp in site.faq_topics}
    out.append(page_jumps.block(u, lang, [
        (2, ui(u, "faq_topic_size", lang, t=t(tp["title"], lang), n=sizes[tp["id"]]), f"topic-{tp['id']}")
        for tp in site.faq_topics if sizes[tp["id"]]]))
    for topic in site.faq_topics:
        items = [q for q in site.faq if q["topic"] == topic["id"]]
        if not items:
            continue
        out.append(f"## {t(topic['title'], lang)} {{#topic-{topic['id']}}}\n")
        for q in items:
            link = f"../measures/{q['measure']}.md"
            out.append(_faq_entry(site, q, lang, level=3, measure_link=link, depth=1))
    return "\n".join(out)


# --- Glossary -------------------------------------------------------------------------------

def term_names(term: dict, lang: str) -> list[str]:
    """Every written form of a term in one language, longest first (for matching)."""
    names = [term[lang], *term["aliases"][lang]]
    return sorted({n for n in names if n}, key=len, reverse=True)


def glossary_usage(site, term: dict, lang: str) -> list[tuple[str, str]]:
    """(title, link) of the measure and guide pages whose text uses the term."""
    used = []
    for m in site.measures:
        text = _all_text(m, lang)
        if any(_contains(text, n, lang) for n in term_names(term, lang)):
            used.append((page_title(m, lang, site.ui), f"../measures/{m['id']}.md"))
    for g in site.guides:
        text = _all_text(g, lang)
        if any(_contains(text, n, lang) for n in term_names(term, lang)):
            used.append((t(g["title"], lang), f"../guides/{g['id']}.md"))
    return used


def _contains(text: str, name: str, lang: str) -> bool:
    if not LANGUAGES[lang].spaced:
        return name in text
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def _all_text(obj, lang: str) -> str:
    if isinstance(obj, dict):
        if set(obj) == {"zh", "en"} and all(isinstance(v, str) for v in obj.values()):
            return obj[lang]
        return "\n".join(_all_text(v, lang) for k, v in obj.items() if not k.startswith("_"))
    if isinstance(obj, list):
        return "\n".join(_all_text(v, lang) for v in obj)
    return ""


def glossary_jsonld(site, lang: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "DefinedTermSet",
        "name": ui(site.ui, "glossary_title", lang),
        "inLanguage": ui(site.ui, "language_tag", lang),
        "hasDefinedTerm": [
            {"@type": "DefinedTerm", "@id": f"#{term['id']}", "termCode": term["id"],
             "name": term[lang], "alternateName": term[other_lang(lang)],
             "description": t(term["definition"], lang)}
            for term in site.glossary
        ],
    }
    return _script(data)


def render_glossary(site, lang: str) -> str:
    u = site.ui
    title = ui(u, "glossary_title", lang)
    out = [front_matter(title, ui(u, "glossary_intro", lang), hide_toc=True), f"# {title}\n",
           ui(u, "glossary_intro", lang) + "\n", glossary_jsonld(site, lang)]
    # Dictionary order: English alphabetically, Chinese by pinyin (languages.py).
    terms = sorted(site.glossary, key=lambda term: LANGUAGES[lang].sort_key(term[lang]))
    # The page's own index (it hides the table of contents, hooks/events/hidden_toc.py): every term in
    # one short block of links, so a phone reader can jump to any of them.
    out.append(labelled(u, f"**{ui(u, 'glossary_index', lang)}**",
                        " · ".join(f"[{term[lang]}](#{term['id']})" for term in terms), lang)
               + "\n{: .term-index .page-jumps }\n")
    for term in terms:
        other = term[other_lang(lang)]
        name = term[lang][:1].upper() + term[lang][1:]   # a heading starts with a capital
        out.append(f"## {name} {{#{term['id']}}}\n")
        other_span = f'<span lang="{other_lang(lang)}">{other}</span>'
        out.append(f'<p class="term-other">{labelled(u, ui(u, "glossary_other_name", lang), other_span, lang)}</p>\n')
        out.append(t(term["definition"], lang) + "\n")
        used = glossary_usage(site, term, lang)
        if used:
            links = joined(u, (f"[{n}]({href})" for n, href in used), lang)
            # A class, so the readability measure can tell this list of page links from prose.
            out.append(labelled(u, ui(u, "glossary_used_on", lang), links, lang) + "\n{: .term-used }\n")
    return "\n".join(out)


# --- Guides ---------------------------------------------------------------------------------

def guide_measures(site, guide: dict) -> list[dict]:
    """The measures a guide lists: exactly those tagged with its audience."""
    return [m for m in site.measures if guide["audience"] in m["audiences"]]


def render_guides_index(site, lang: str) -> str:
    u = site.ui
    title = ui(u, "guides_title", lang)
    out = [front_matter(title, ui(u, "guides_intro", lang)), f"# {title}\n",
           ui(u, "guides_intro", lang) + "\n"]
    for g in site.guides:
        out.append(f"- **[{t(g['title'], lang)}]({g['id']}.md)**  \n  {t(g['summary'], lang)}")
    return "\n".join(out) + "\n"


def render_guide(site, g: dict, lang: str) -> str:
    u = site.ui
    title = t(g["title"], lang)
    head = [front_matter(title, t(g["summary"], lang), keywords=g["keywords"][lang]),
            f"# {title}\n", t(g["intro"], lang) + "\n"]
    out = [f"## {ui(u, 'guide_measures', lang)} {{#measures}}\n"]
    for m in guide_measures(site, g):
        out.append("- " + labelled(u, f"[{page_title(m, lang, u)}](../measures/{m['id']}.md)",
                                   t(m["summary"], lang), lang))
    out.append("")
    out.append(f"## {ui(u, 'guide_steps', lang)} {{#steps}}\n")
    for i, step in enumerate(g["steps"], 1):
        note = claim_note(site, step, lang, depth=2)
        out.append(f"{i}. **{t(step['title'], lang)}**  \n" + _indent_body(t(step["body"], lang))
                   + (f"\n    {note}\n" if note else ""))
    out.append("")
    out.extend(charts.figure(site, chart_id, lang) for chart_id in g.get("charts", []))
    for sec in g["sections"]:
        out.append(f"## {t(sec['heading'], lang)} {{#{sec['id']}}}\n")
        out.append(t(sec["body"], lang) + "\n")
    examples = [e for e in site.examples if e.get("id") in g["examples"]]
    if examples:
        out.append(f"## {ui(u, 'guide_examples', lang)} {{#examples}}\n")
        for ex in examples:
            out.append(f"- [{t(ex['persona'], lang)}](../measures/{ex['measure']}.md#example-{ex['id']})")
        out.append("")
    by_id = {c["id"]: c for c in site.calculators}
    calcs = [by_id[c] for c in g["calculators"]]   # in the guide's order
    if calcs:
        out.append(f"## {ui(u, 'guide_calculators', lang)} {{#calculators}}\n")
        out.extend(f"- [{t(c['name'], lang)}](../calculators/{c['id']}.md)" for c in calcs)
        out.append("")
    out.append(f"## {ui(u, 'guide_ask', lang)} {{#ask}}\n")
    out.extend(f"- {t(a, lang)}" for a in g["ask"])
    out.append("")
    out.append(f"## {ui(u, 'sources', lang)} {{#sources}}\n")
    out.extend(f"- {source_line(site.sources[s], lang, u)}" for s in g["sources"])
    return page_jumps.before_sections(head, out, u, lang) + "\n"


def _indent_body(text: str) -> str:
    return "\n".join(("    " + line) if line.strip() else "" for line in text.splitlines()) + "\n"
