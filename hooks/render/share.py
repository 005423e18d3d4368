"""The share block under every guide and measure page: ready-to-paste text for a chat app (the
page's title, its one-sentence summary, its full address) and a copy button
(docs/assets/js/share.js), with a link to the page's printable flyer (hooks/render/flyers.py)."""

from __future__ import annotations

import html
import math
import unicodedata

from hooks.render.textfmt import ui


def share_text(title: str, sentence: str, address: str) -> str:
    """What a reader pastes: one line each, so a chat app shows the address as a link."""
    return "\n".join((title, sentence, address))


def share_block(u: dict, lang: str, text: str, flyer_href: str) -> str:
    # Kept out of the search index: the same words on 26 pages would match every search for them.
    # The button is hidden until the script runs: without it, the text can still be selected.
    rows = _rows(text)
    return (f'<section class="share" data-search-exclude aria-labelledby="share">'
            f'<h2 id="share">{ui(u, "share_title", lang)}</h2>'
            f'<p id="share-intro">{ui(u, "share_intro", lang)}</p>'
            f'<textarea class="share__text" readonly rows="{rows}" aria-labelledby="share-intro">'
            f'{html.escape(text)}</textarea>'
            f'<p class="share__actions"><button type="button" class="md-button share__copy" '
            f'data-share-copy hidden data-copied="{html.escape(ui(u, "share_copied", lang))}" '
            f'data-selected="{html.escape(ui(u, "share_selected", lang))}">{ui(u, "share_copy", lang)}'
            f'</button> <a href="{flyer_href}">{ui(u, "share_flyer", lang)}</a></p>'
            f'<p class="share__status" role="status" aria-live="polite"></p></section>')


def _rows(text: str, columns: int = 34) -> int:
    """Rows that show the whole text on a phone (390 px: about 34 Latin letters or 17 Chinese
    characters a row), for browsers that cannot size the box to its content (kit.css)."""
    def width(line: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    return sum(max(1, math.ceil(width(line) / columns)) for line in text.split("\n"))
