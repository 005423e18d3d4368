"""Measure pages and the measures index, as Markdown, from checked SiteData. Pure functions.

Every heading a reader may link to carries an explicit ASCII id, the same in both languages, so
/measures/x/#y and /en/measures/x/#y point to the same place.
"""

from __future__ import annotations

import json

from hooks.render import charts, page_jumps
from hooks.render import policy as render_policy
from hooks.render.textfmt import clause_label, clause_prefix, labelled, numbered, section_numeral, source_line, t, ui


def page_title(m: dict, lang: str, u: dict) -> str:
    return numbered(u, clause_prefix(m["clause"], lang, u), t(m["title"], lang), lang)


def front_matter(title: str, description: str, search_boost: float | None = None,
                 hide_toc: bool = False, keywords: list[str] | None = None) -> str:
    # JSON strings are valid YAML scalars: safe for quotes and colons in either language.
    boost = f"search:\n  boost: {search_boost}\n" if search_boost else ""
    # Material's search indexes a page's tags (there is no tags plugin: they show only under a
    # search result): the words people type for this page that its title does not say.
    tags = f"tags: {json.dumps(keywords, ensure_ascii=False)}\n" if keywords else ""
    # Long lists (FAQ, glossary) have their own index at the top; a 70-entry side contents
    # list costs phones script time on every scroll and adds nothing.
    hide = "hide:\n  - toc\n" if hide_toc else ""
    return (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n{tags}{boost}{hide}---\n\n")


def render_measure(site, m: dict, lang: str, *, examples_md: str, faq_md: str,
                   guide_ids: set[str]) -> str:
    u = site.ui
    area = site.area(m["area"])
    # Measures rank above FAQ lists and calculators that mention the same words (search_boost: 2
    # unless the measure's data says otherwise).
    out = [front_matter(page_title(m, lang, u), t(m["summary"], lang),
                        search_boost=m["search_boost"])]
    out.append(f"# {page_title(m, lang, u)}\n")
    area_name = labelled(u, ui(u, "area_label", lang, section=section_numeral(area["section"], lang, u)),
                         t(area["title"], lang), lang)
    out.append(f'<p class="measure-meta">{clause_label(m["clause"], lang, u).capitalize()} · '
               f'<a href="../#{area["id"]}">{area_name}</a> · '
               f'{render_policy.clause_link(site, m["clause"], lang, depth=2)}</p>\n')
    out.append(f'!!! abstract "{ui(u, "in_one_sentence", lang)}"\n\n    {t(m["summary"], lang)}\n')
    head, out = out, []   # the jump links go under the summary (page_jumps.py)
    out.append(render_policy.clause_fold(site, m["clause"], lang, depth=2))

    out.append(f"## {ui(u, 'what_changes', lang)} {{#changes}}\n")
    # The same note and sources paragraph on all 15 measure pages: kept out of the search
    # index, where they would make every measure match their words.
    out.append(ui(u, "claims_note", lang) + "\n{: .claims-note data-search-exclude }\n")
    out.append(render_policy.changes_list(site, m["changes"], lang, depth=2))

    out.append(f"## {ui(u, 'who_is_affected', lang)} {{#who}}\n")
    if m["audiences"]:
        for aud_id in m["audiences"]:
            name = t(next(a for a in site.audiences if a["id"] == aud_id)["name"], lang)
            if aud_id in guide_ids:
                out.append(f"- [{name}](../guides/{aud_id}.md)")
            else:
                out.append(f"- {name}")
    else:
        out.append(ui(u, "no_direct_audience", lang))
    out.append("")

    for sec in m["sections"]:
        out.append(f"## {t(sec['heading'], lang)} {{#{sec['id']}}}\n")
        out.append(t(sec["body"], lang) + "\n")
        out.extend(charts.figure(site, chart_id, lang) for chart_id in sec.get("charts", []))

    if examples_md:
        out.append(f"## {ui(u, 'worked_examples', lang)} {{#examples}}\n")
        out.append(examples_md.strip() + "\n")
    if faq_md:
        out.append(f"## {ui(u, 'faq', lang)} {{#faq}}\n")
        out.append(faq_md.strip() + "\n")

    out.append(f"## {ui(u, 'sources', lang)} {{#sources}}\n")
    out.append(ui(u, "based_on_clause", lang, clause=clause_label(m["clause"], lang, u)) + " "
               + ui(u, "official_text_note", lang) + "\n{: data-search-exclude }\n")
    out.extend(f"- {source_line(site.sources[s], lang, u)}" for s in m["sources"])
    out.append("")

    if m["related"]:
        out.append(f"## {ui(u, 'related', lang)} {{#related}}\n")
        for rid in m["related"]:
            r = site.measure(rid)
            out.append("- " + labelled(u, f"[{page_title(r, lang, u)}]({rid}.md)", t(r["summary"], lang), lang))
        out.append("")
    return page_jumps.before_sections(head, out, u, lang)


def render_index(site, lang: str) -> str:
    u = site.ui
    title = ui(u, "measures_title", lang)
    out = [front_matter(title, ui(u, "measures_intro", lang)), f"# {title}\n",
           ui(u, "measures_intro", lang) + "\n"]
    for area in site.areas:
        label = ui(u, "area_label", lang, section=section_numeral(area["section"], lang, u))
        out.append(f"## {labelled(u, label, t(area['title'], lang), lang)} {{#{area['id']}}}\n")
        out.append(t(area["summary"], lang) + "\n")
        for m in (m for m in site.measures if m["area"] == area["id"]):
            out.append(f"- **[{page_title(m, lang, u)}]({m['id']}.md)**  \n  {t(m['summary'], lang)}")
        out.append("")
    return "\n".join(out)
