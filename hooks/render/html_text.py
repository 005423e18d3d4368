"""Change the words of rendered page HTML, never its markup: the text between tags, outside
links, headings, code, buttons and the like (a link inside a link, or inside a heading's own "#"
link and id, would break both). Used by glossary_links.py and contact_links.py."""

from __future__ import annotations

import re
from collections.abc import Callable

# blockquote: a quotation (the policy text in a measure page's fold) is shown as written.
# summary, label, legend, button: already interactive or a form's caption; a link inside would be
# a control in a control.
SKIP_TAGS = frozenset({"a", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre",
                       "script", "style", "button", "summary", "label", "legend", "select", "option",
                       "textarea", "title", "svg", "template"})
TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
TAG_NAME = re.compile(r"<\s*(/)?\s*([a-zA-Z0-9]+)")


def sub_text(page_html: str, change: Callable[[str], str], skip=SKIP_TAGS) -> str:
    """page_html with change(text) applied to every run of text outside the skipped elements."""
    skip_depth = 0
    out = []
    for part in TOKEN.split(page_html):
        if not part:
            continue
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if match and match.group(2).lower() in skip and not part.endswith("/>"):
                skip_depth = max(skip_depth + (-1 if match.group(1) else 1), 0)
            out.append(part)
        else:
            out.append(part if skip_depth else change(part))
    return "".join(out)
