"""The pages and #anchors the build makes from data/, so links and anchors in data texts are
checked against data files and keys, before any page is generated (a broken link or a
colliding anchor would otherwise be reported against docs/measures/*.md, a generated page).

Anchors: every anchor a generated page shows, with the data file and key it comes from; two
on one page would make the browser jump to the wrong one (and MkDocs silently rename one).
Links: a relative link in a data text is resolved against every folder its text is shown in
(a FAQ answer shows on the FAQ page and on its measure's page) and must reach a page that
exists, and an anchor on it when it names one.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from hooks.load.schema import DataError

# Where each data file's texts are shown (folder of the generated page). A file not listed
# here may not hold relative links: its words appear on pages at different depths.
SHOWN_IN = {"data/measures/": ("measures",), "data/guides/": ("guides",),
            "data/faq.yml": ("faq", "measures"), "data/examples.yml": ("measures", "guides"),
            "data/glossary.yml": ("glossary",)}
HAND_ANCHOR = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)|\bid=\"([A-Za-z0-9_-]+)\"")


def page_anchors(site, reserved_measure: set[str], reserved_guide: set[str]) -> dict[str, dict]:
    """{page path: {anchor: (file, key)}}; raises DataError on a collision."""
    pages: dict[str, dict[str, tuple[str, str]]] = {}

    def add(page: str, anchor: str, file: str, key: str) -> None:
        taken = pages.setdefault(page, {})
        if anchor in taken:
            by = "the page's own headings" if not taken[anchor][1] else ": ".join(taken[anchor])
            raise DataError(file, key, anchor,
                            f"an id not already used as an anchor on {page} (by {by})")
        taken[anchor] = (file, key)

    for m in site.measures:
        page = f"measures/{m['id']}.md"
        for anchor in sorted(reserved_measure):
            add(page, anchor, "(the page itself)", "")
        for i, sec in enumerate(m["sections"]):
            add(page, sec["id"], m["_file"], f"sections[{i}].id")
    for i, q in enumerate(site.faq):
        add(f"measures/{q['measure']}.md", q["id"], "data/faq.yml", f"faq[{i}].id")
        add("faq/index.md", q["id"], "data/faq.yml", f"faq[{i}].id")
    for i, topic in enumerate(site.faq_topics):
        add("faq/index.md", f"topic-{topic['id']}", "data/faq.yml", f"topics[{i}].id")
    for i, ex in enumerate(site.examples):
        add(f"measures/{ex['measure']}.md", f"example-{ex['id']}", "data/examples.yml",
            f"examples[{i}].id")
    for i, term in enumerate(site.glossary):
        add("glossary/index.md", term["id"], "data/glossary.yml", f"terms[{i}].id")
    for g in site.guides:
        page = f"guides/{g['id']}.md"
        for anchor in sorted(reserved_guide):
            add(page, anchor, "(the page itself)", "")
        for i, sec in enumerate(g["sections"]):
            add(page, sec["id"], g["_file"], f"sections[{i}].id")
    for i, area in enumerate(site.areas):
        add("measures/index.md", area["id"], "data/areas.yml", f"areas[{i}].id")
    pages.setdefault("guides/index.md", {})
    return pages


def check_links(links: list, anchors: dict[str, dict], docs: Path) -> None:
    """Every relative link in a data text reaches a page (and its anchor) from every folder the
    text is shown in."""
    for link in links:
        folders = next((f for prefix, f in SHOWN_IN.items() if link.file.startswith(prefix)), None)
        if folders is None:
            raise DataError(link.file, link.path, link.target,
                            "no relative link in this file (its words appear on pages at "
                            "different depths); links are allowed in "
                            f"{', '.join(SHOWN_IN)}")
        page_part, _, anchor = link.target.partition("#")
        for folder in folders:
            page = posixpath.normpath(posixpath.join(folder, page_part)) if page_part \
                else None
            if page is None:
                raise DataError(link.file, link.path, link.target,
                                "a link that names its page (the text is shown on several pages)")
            known = anchors.get(page)
            hand = docs / page
            if known is None and not hand.is_file():
                raise DataError(link.file, link.path, link.target,
                                f"a link to a page that exists (from {folder}/ it reaches "
                                f"{page}, which the build does not make)")
            if anchor:
                found = set(known) if known is not None else _hand_anchors(hand)
                if anchor not in found:
                    raise DataError(link.file, link.path, link.target,
                                    f"an anchor that exists on {page}")


def _hand_anchors(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {a or b for a, b in HAND_ANCHOR.findall(text)}
