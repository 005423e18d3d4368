"""MkDocs hook: a page that hides its table of contents (front matter ``hide: [toc]``) has none.

Why: Material hides only the side column; on a phone it still puts the whole table of contents
into the navigation drawer and watches every heading while the reader scrolls. On the FAQ
(70 questions, and it opens with its own topic index) that was about 600 elements and most of
the page's script time on a slow phone (BENCHMARKS.md).

Runs late (priority -100) so that the search plugin has already used ``page.toc`` to index
each question as its own search result.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import TableOfContents


@event_priority(-100)
def on_page_context(context, *, page, config, nav):
    if "toc" in (page.meta.get("hide") or []):
        page.toc = TableOfContents([])
    return context
