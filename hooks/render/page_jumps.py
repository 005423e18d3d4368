"""The block a long page opens with, under its short summary: links to its own sections.

A measure page runs to 20–30 phone screens, the FAQ to 40; the side contents list is hidden in
the phone menu. So the page says what it holds right under its summary, and a tap jumps there.
The links are the sections' existing #anchors, read from the page's own `## Heading {#id}`
lines (and `###` under them where asked): nothing to keep in step by hand, and an id is never
changed here. Words from data/ui.yml. Pure functions, Markdown out.
"""

from __future__ import annotations

import re
from html import escape

from hooks.render.textfmt import ui

HEADING = re.compile(r"^(#{2,3}) (.+?) \{#([A-Za-z0-9_-]+)\}[ \t]*$", re.MULTILINE)


def sections(markdown: str, levels: int = 2) -> list[tuple[int, str, str]]:
    """(level, title, anchor) of the headings down to `levels` (2: ## only; 3: ## and ###)."""
    return [(len(marks), title, anchor) for marks, title, anchor in HEADING.findall(markdown)
            if len(marks) <= levels]


def block(u: dict, lang: str, found: list[tuple[int, str, str]]) -> str:
    """The jump links as a <nav>; `found` from sections(), or (level, words, anchor) made by the
    page (the FAQ words its groups with their size). Kept out of the search index: it repeats
    the headings, which are indexed where they stand."""
    if not found:
        raise ValueError("a page with jump links needs sections to jump to (## Heading {#id})")
    label = ui(u, "page_jumps", lang)
    items = [("    " if level == 3 else "") + f"- [{title}](#{anchor})" for level, title, anchor in found]
    return (f'<nav class="page-jumps" aria-label="{escape(label)}" data-search-exclude markdown>\n\n'
            f'<p class="page-jumps__title">{escape(label, quote=False)}</p>\n\n'
            + "\n".join(items) + "\n\n</nav>\n")


def before_sections(head: list[str], rest: list[str], u: dict, lang: str, levels: int = 2) -> str:
    """A page's Markdown: `head` (title and summary), the jump links to the sections in `rest`,
    then `rest`."""
    body = "\n".join(rest)
    return "\n".join([*head, block(u, lang, sections(body, levels)), body])
