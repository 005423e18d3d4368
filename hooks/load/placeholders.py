"""{name} placeholders in data texts: only names the code fills in, the same in both languages.

hooks/*.py fill data/ui.yml and data/example_words.yml words with str.format; the calculators
(docs/assets/js/calculators.js, tr()) fill data/calculator_ui.yml words and leave an unknown
name blank, so a misspelt {yaer} would silently vanish from the page. Add a name here when
code starts filling it.
"""

from __future__ import annotations

import re

KNOWN = frozenset(
    "a age at avg b base birth c cap cat clause d date first i jy k l lower m M max min month "
    "n next off orig p r rate retire ry s section start step t terms u upper v w y year ym "
    # calculators.js: link and range messages, the year notice (dated.js), the deadline note
    "field opts last why largest smallest years most checked today deadline "
    # render_policy.py and claims: a cited sentence's link words
    "label "
    # textfmt.py's punctuation patterns and calc_tables.py's table notes
    "end "
    # hooks/render/calculators.py: the list of calculators
    "name summary "
    # a worked example's step line (examples.py; the calculators' working later)
    "what sums result unit"
    .split())
# Names one language may use alone: English writes a month by name ({M}), Chinese by number ({m}).
SAME_AS = {"M": "m"}
BRACE = re.compile(r"[{}]")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def names(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def check(text: str) -> tuple[str, str] | None:
    """(expected, offending part) for a brace that is not a known {name}, else None."""
    rest = PLACEHOLDER.sub("", text)
    if BRACE.search(rest):
        i = BRACE.search(rest).start()
        return ("braces only around a placeholder such as {year} (no Markdown attributes, "
                "no lone brace)", rest[max(0, i - 20):i + 20])
    unknown = sorted(names(text) - KNOWN)
    if unknown:
        return (f"placeholders the code fills in ({', '.join(sorted(KNOWN))})",
                "{" + unknown[0] + "}")
    return None


def check_pair(zh: str, en: str) -> tuple[str, str] | None:
    """The same placeholders in both languages (a missing {year} in one is a bug)."""
    def norm(found: set[str]) -> set[str]:
        return {SAME_AS.get(n, n) for n in found}
    if norm(names(zh)) != norm(names(en)):
        return (f"the same placeholders as the zh text {sorted(names(zh))}", sorted(names(en)))
    return None
