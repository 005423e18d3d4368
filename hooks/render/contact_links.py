"""Make the places we send readers one tap away, in rendered page HTML: every 12333 becomes a
tel: link, and every agency name of data/agencies.yml a link to its official site. One render
step for every page (prose from data and Markdown, FAQ, guides, measures, flyers), so no text
has to remember it. Text inside headings, code, existing links and buttons is left alone
(html_text.py)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from hooks.load.languages import LANGUAGES
from hooks.render.html_text import sub_text


@lru_cache(maxsize=4)   # the same names for every page of a language: compile once
def _matcher(hotline: str, names: tuple[str, ...], spaced: bool) -> re.Pattern:
    # Longest names first: 当地社保经办机构 is one link, not 当地 and a link to 社保经办机构.
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    edge = (r"(?<![\w-])", r"(?![\w-])") if spaced else ("", "")
    phone = rf"(?<!\d){re.escape(hotline)}(?!\d)"   # the hotline, not part of a longer number
    return re.compile(rf"(?P<phone>{phone})|{edge[0]}(?P<name>{alternation}){edge[1]}",
                      re.IGNORECASE if spaced else 0)


def link_contacts(page_html: str, hotline: str, agencies: list[dict], lang: str,
                  local_note: str) -> str:
    """agencies: data/agencies.yml as loaded (id, url, local, names); local_note: the link's
    title on an agency with no single site of its own (it goes to the provincial department)."""
    by_name = {form.lower(): agency for agency in agencies for form in agency["names"][lang]}
    matcher = _matcher(hotline, tuple(by_name), LANGUAGES[lang].spaced)

    def link(m: re.Match) -> str:
        if m.group("phone"):
            return f'<a class="tel" href="tel:{hotline}">{m.group("phone")}</a>'
        agency = by_name[m.group("name").lower()]
        note = f' title="{html.escape(local_note, quote=True)}"' if agency["local"] else ""
        return (f'<a class="agency" href="{html.escape(agency["url"], quote=True)}"{note}>'
                f'{m.group("name")}</a>')

    return sub_text(page_html, lambda text: matcher.sub(link, text))
