"""A notice for pages that quote amounts: once the reader's year is past the last year with
published figures, say so (issue: "after the last published year").

The build cannot know the reader's date, so each page that quotes a yuan amount gets a hidden
paragraph with the last published year (from the parameters, not typed here) and the words to
show; docs/assets/js/dated.js shows it when the reader's year is later. Pages without amounts
(the glossary, the policy text) get none.
"""

from __future__ import annotations

import html
import re


def last_published_year(params) -> int:
    """The last year with published figures: the newest contribution base limits."""
    return params.latest_year("contribution_base_limits")


def after_attribute(words: str, last_year: int) -> str:
    """`words` for data-after: {last} and {next} filled in, {today} left for dated.js."""
    return html.escape(words.replace("{last}", str(last_year)).replace("{next}", str(last_year + 1)),
                       quote=True)


def quotes_amount(markdown: str, words: dict) -> bool:
    """A number followed by the currency's name (data/ui.yml), in any of the site's languages:
    a page may quote the other language, as the policy's original under its translation."""
    names = "|".join(re.escape(name) for name in words["currency"].values())
    return re.search(rf"\d[\d,.]*\s*(?:{names})", markdown) is not None


def add_notice(markdown: str, last_year: int, words: dict, lang: str) -> str:
    """The page with the hidden notice after its title, if it quotes an amount."""
    if not quotes_amount(markdown, words):
        return markdown
    after = after_attribute(words["figures_after"][lang], last_year)
    notice = (f'<p class="page-fresh" hidden data-last-year="{last_year}" '
              f'data-after="{after}"></p>')
    lines = markdown.split("\n")
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    at = 0 if title is None else title + 1
    return "\n".join([*lines[:at], "", notice, "", *lines[at:]])
