"""The outreach kit: a one-page A4 flyer for each guide and each measure, in both languages, and
/kit/, the list of them all. Pure functions: checked SiteData → {path under docs/: Markdown}.

A flyer holds only what its page already says (the summary, a measure's changes and who they are
for, a guide's steps and where to ask), in large type, with the page's full address and a QR
code of it: handed out on paper, it leads back to the whole explanation. Flyers are kept out of
the search index (`search: exclude`): the same words as their pages would crowd the results.
"""

from __future__ import annotations

import re

from hooks.load.languages import LANGS, page_path, url_prefix
from hooks.render import qr
from hooks.render.measures import front_matter
from hooks.render.textfmt import clause_label, joined, labelled, t, ui

KIT_DIR = "kit"
KINDS = ("guides", "measures")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def subjects(site) -> list[tuple[str, dict]]:
    """(kind, guide or measure), in the order the site lists them."""
    return [("guides", g) for g in site.guides] + [("measures", m) for m in site.measures]


def subject_of(site, url: str) -> tuple[str, dict] | None:
    """The guide or measure a page address shows ("en/guides/x/" → ("guides", guide)), if any."""
    parts = [p for p in url.split("/") if p]
    if parts and parts[0] in LANGS:
        parts = parts[1:]
    if len(parts) != 2 or parts[0] not in KINDS:
        return None
    return next(((kind, item) for kind, item in subjects(site)
                 if kind == parts[0] and item["id"] == parts[1]), None)


def is_flyer(src_uri: str) -> bool:
    """A flyer's source file, in either language ("kit/guides/x.md", "kit/guides/x.en.md")."""
    parts = src_uri.split("/")
    return len(parts) == 3 and parts[0] == KIT_DIR and parts[1] in KINDS


def page_address(root_url: str, kind: str, item_id: str, lang: str) -> str:
    """The full address of a guide's or measure's page, as its canonical link writes it."""
    return f"{root_url.rstrip('/')}{url_prefix(lang)}/{kind}/{item_id}/"


def flyer_pages(site, root_url: str) -> dict[str, str]:
    pages: dict[str, str] = {}
    for lang in LANGS:
        pages[page_path(f"{KIT_DIR}/index.md", lang)] = render_kit_index(site, lang)
        for kind, item in subjects(site):
            pages[page_path(f"{KIT_DIR}/{kind}/{item['id']}.md", lang)] = render_flyer(
                site, kind, item, lang, page_address(root_url, kind, item["id"], lang))
    return pages


def render_flyer(site, kind: str, item: dict, lang: str, address: str) -> str:
    u = site.ui
    title = t(item["title"], lang)
    out = [front_matter(ui(u, "kit_flyer_title", lang, t=title), t(item["summary"], lang))
           .replace("---\n\n", "search:\n  exclude: true\nhide:\n  - navigation\n  - toc\n---\n\n", 1)]
    out.append('<div class="flyer" markdown>\n')
    out.append(f"# {title} {{#flyer}}\n")
    out.append(f'<p class="flyer__summary">{t(item["summary"], lang)}</p>\n')
    # On screen only (kit.css hides it on paper), near the top: no scrolling to find it.
    out.append(f'<p class="flyer__print"><button type="button" class="md-button md-button--primary" '
               f'data-kit-print hidden>{ui(u, "kit_print", lang)}</button></p>\n')
    if kind == "measures":
        out.append(f"## {ui(u, 'kit_points', lang)} {{#points}}\n")
        out.extend("- " + labelled(u, f"**{ui(u, 'force_' + c['force'], lang)}**",
                                   _plain(t(c, lang)), lang) for c in item["changes"])
        out.append("")
        names = [t(a["name"], lang) for a in site.audiences if a["id"] in item["audiences"]]
        if names:
            out.append(labelled(u, f"**{ui(u, 'kit_who', lang)}**", joined(u, names, lang), lang) + "\n")
        out.append(ui(u, "based_on_clause", lang, clause=clause_label(item["clause"], lang, u)) + "\n")
    else:
        out.append(f"## {ui(u, 'guide_steps', lang)} {{#steps}}\n")
        out.extend(f"{i}. {_plain(t(step['title'], lang))}" for i, step in enumerate(item["steps"], 1))
        out.append("")
        out.append(f"## {ui(u, 'guide_ask', lang)} {{#ask}}\n")
        out.extend(f"- {_plain(t(a, lang))}" for a in item["ask"])
        out.append("")
    if kind == "measures":
        out.append(ui(u, "kit_call", lang) + "\n")
    out.append('<div class="flyer__foot">' + qr.qr_code(address, ui(u, "kit_scan", lang), "flyer__qr")
               + f'<p><strong>{ui(u, "kit_scan", lang)}</strong><br>'
               f'<span class="flyer__url">{address}</span><br>{ui(u, "site_short", lang)}</p></div>\n')
    out.append(f'<p class="flyer__note">{ui(u, "official_text_note", lang)}</p>\n')
    out.append("</div>\n")
    return "\n".join(out)


def render_kit_index(site, lang: str) -> str:
    u = site.ui
    title = ui(u, "kit_title", lang)
    out = [front_matter(title, ui(u, "kit_intro", lang)), f"# {title}\n",
           ui(u, "kit_intro", lang) + "\n", ui(u, "kit_agencies", lang) + "\n"]
    for kind, heading in (("guides", "guides_title"), ("measures", "measures_title")):
        out.append(f"## {ui(u, heading, lang)} {{#{kind}}}\n")
        out.append('<div class="kit-list" markdown>\n')
        out.append(f"| {ui(u, 'kit_flyer', lang)} | {ui(u, 'kit_language', lang)} |\n|---|---|")
        for _, item in (s for s in subjects(site) if s[0] == kind):
            # Each flyer in every language, named in its own language (hreflang, lang).
            links = " · ".join(
                f'<a href="{_flyer_href(kind, item["id"], lang, other)}" hreflang="{other}" '
                f'lang="{ui(u, "language_tag", other)}">{ui(u, "language_name", other)}</a>'
                for other in LANGS)
            out.append(f"| {t(item['title'], lang)} | {links} |")
        out.append("\n</div>\n")
    return "\n".join(out)


def _flyer_href(kind: str, item_id: str, from_lang: str, to_lang: str) -> str:
    """From /kit/ (or /en/kit/) to a flyer in to_lang, relative: the site works under any path."""
    up = "../" * (1 + url_prefix(from_lang).count("/"))
    return f"{up}{url_prefix(to_lang).lstrip('/') + '/' if url_prefix(to_lang) else ''}{KIT_DIR}/{kind}/{item_id}/"


def _plain(text: str) -> str:
    """A data text's links as words: a flyer is paper, and its links would point elsewhere."""
    return MD_LINK.sub(r"\1", text)
