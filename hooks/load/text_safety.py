"""The Markdown a data text may hold, and nothing executable (README.md, "Data contract").

Data texts use paragraphs, "- " lists, **bold**, *italic* and [links](target). Refused:
any raw HTML (no tag is needed by the data: `<`, then a letter, `/`, `!` or `?`), any
`javascript:`/`vbscript:`/`data:` address, any `on…=` attribute, images, headings (the page
makes its own), and links other than https:// to a host of a source in data/sources.yml or a
relative link to a page's .md file (checked against the pages and anchors the build makes,
see links.py). Each check returns (expected, offending part) or None.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

HTML = re.compile(r"<[A-Za-z/!?]")
SCRIPT_SCHEME = re.compile(r"(?i)\b(?:java|vb)script\s*:|\bdata\s*:\s*[a-z]+/")
EVENT_ATTR = re.compile(r"(?i)\bon[a-z]+\s*=")
IMAGE = re.compile(r"!\[")
HEADING = re.compile(r"(?m)^\s{0,3}#{1,6}(\s|$)")
# [text](destination "title"), and reference definitions [id]: destination
LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REF_DEF = re.compile(r"(?m)^\s{0,3}\[[^\]]+\]:\s*(\S+)")
BARE_URL = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^\s)\]>]*")
RELATIVE = re.compile(r"^(?:[a-z0-9_-]+\.md|\.\./[a-z0-9_-]+/[a-z0-9_-]+\.md|\.\./[a-z0-9_-]+\.md)?"
                      r"(?:#[a-z0-9_-]+)?$")

NO_HTML = "Markdown without raw HTML (no <tag>, no <!-- -->, no <https://…> autolink)"
NO_SCRIPT = "no javascript:, vbscript: or data: address"
NO_EVENT = "no on…= attribute"


@dataclass(frozen=True)
class Link:
    """A relative link found in a data text, checked once the pages are known."""

    file: str
    path: str
    target: str


def check_markdown(text: str, hosts: set[str]) -> tuple[tuple[str, str] | None, list[str]]:
    """Returns (problem or None, the relative link targets in the text)."""
    plain = html.unescape(text)   # &#106;avascript: is javascript: to a browser
    for pattern, expected in ((HTML, NO_HTML), (SCRIPT_SCHEME, NO_SCRIPT), (EVENT_ATTR, NO_EVENT)):
        found = pattern.search(plain)
        if found:
            return (expected, plain[max(0, found.start() - 10):found.end() + 30]), []
    if IMAGE.search(text):
        return ("no image in a data text (pictures belong to the hand-written pages)",
                text[IMAGE.search(text).start():][:60]), []
    heading = HEADING.search(text)
    if heading:
        return ("no heading in a data text (the page makes its own headings)",
                text[heading.start():][:60]), []
    relative: list[str] = []
    targets = LINK.findall(text) + REF_DEF.findall(text)
    for url in BARE_URL.findall(text):
        if url not in targets:
            targets.append(url)
    for target in targets:
        problem = _check_target(target, hosts)
        if problem:
            return (problem, target), []
        if "://" not in target:
            relative.append(target)
    return None, relative


def _check_target(target: str, hosts: set[str]) -> str | None:
    if "://" in target or ":" in target.split("/")[0]:
        parts = urlsplit(target)
        if parts.scheme != "https":
            return "an https:// address (plain http:// and other schemes are refused)"
        if parts.hostname not in hosts:
            return (f"a link to a host of a source in data/sources.yml ({', '.join(sorted(hosts))}); "
                    "add the source first")
        return None
    if not RELATIVE.match(target) or target == "":
        return ("a relative link to a page's .md file, e.g. ../calculators/retirement-age.md "
                "or ../measures/basic-pension.md#anchor")
    return None
