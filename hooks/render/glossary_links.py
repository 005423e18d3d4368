"""Link glossary terms inside rendered page HTML, in both languages.

Markdown's `abbr` cannot find Chinese terms inside sentences (it needs word boundaries), and
hover tooltips do not exist on phones, so the hook links the first use of each term on a page
to its glossary entry. Text inside links, headings, code, scripts and buttons is left alone.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from hooks.load.languages import LANGUAGES
from hooks.render.html_text import sub_text


@lru_cache(maxsize=4)  # the same terms for every page of a language: compile once
def build_matcher(terms: tuple[tuple[str, str, str], ...], lang: str) -> re.Pattern | None:
    """terms: (written form, term id, definition). Longest forms first, so 缴费基数上下限 wins
    over 缴费基数. Where words are separated by spaces, only whole words match, case aside;
    elsewhere a term matches wherever it is written."""
    if not terms:
        return None
    forms = sorted({form for form, _, _ in terms}, key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    if not LANGUAGES[lang].spaced:
        return re.compile(f"({alternation})")
    return re.compile(rf"(?<![\w-])({alternation})(?![\w-])", re.IGNORECASE)


def link_terms(page_html: str, terms: list[tuple[str, str, str]], lang: str,
               glossary_href: str) -> str:
    matcher = build_matcher(tuple(terms), lang)
    if matcher is None:
        return page_html
    lookup = {form.lower(): (term_id, definition) for form, term_id, definition in terms}
    done: set[str] = set()

    def replace(m: re.Match) -> str:
        term_id, definition = lookup[m.group(1).lower()]
        if term_id in done:
            return m.group(0)
        done.add(term_id)
        return (f'<a class="term" href="{glossary_href}#{term_id}" '
                f'title="{html.escape(definition, quote=True)}">{m.group(1)}</a>')

    return sub_text(page_html, lambda text: matcher.sub(replace, text))
