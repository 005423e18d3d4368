"""One walk over every data/*.yml file, whatever its shape, before the per-file loaders run.

Every value gets the generic rules: mapping keys are names (not a bare yes/no/null), numbers
are finite. Every text (a string under a `zh` or `en` key, alone or in a list) gets the text
contract: a non-empty string, no tab or control character, a length limit for its kind of
field, the language rules (language_checks.py), safe Markdown and links (text_safety.py) and
known placeholders (placeholders.py). New files and keys (e.g. data/policy.yml, a claim's
`force:` or `cites:`) get the same checks without code. Returns the relative links found, for
links.py to check once the pages are known.
"""

from __future__ import annotations

import math
import re
from typing import Any

from hooks.load import placeholders, text_safety
from hooks.load.languages import LANGS, LANGUAGES
from hooks.load.schema import DataError, join

# Length limits in characters (zh, en), by kind of field. A short field is one line on the page.
SHORT_FIELDS = {"title", "heading", "question", "name", "persona", "label", "issuer", "issuers",
                "number", "short_title", "aliases", "keywords"}
LIMITS = {"short": (80, 240), "interface": (160, 400), "long": (1500, 4000)}
INTERFACE_FILES = {"data/ui.yml", "data/calculator_ui.yml", "data/example_words.yml"}
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")


def source_hosts(sources: Any) -> set[str]:
    """Hosts of the cited sources: the only outside hosts a data text may link to."""
    from urllib.parse import urlsplit

    items = sources.get("sources") if isinstance(sources, dict) else None
    return {urlsplit(s["url"]).hostname for s in items or []
            if isinstance(s, dict) and isinstance(s.get("url"), str) and "://" in s["url"]}


# Keys that hold ids of another kind, wherever they appear (a claim's new `cites:` included).
# (`cites:` name sentences of the policy text; hooks/load/claims.py checks them.)
REFERENCE_KEYS = {"source": "source", "sources": "source",
                  "measure": "measure", "measures": "measure", "related": "measure",
                  "charts": "chart"}
FILES_OF = {"source": "sources.yml", "chart": "charts.yml"}   # where each kind of id is listed


def check_file(doc: Any, file: str, hosts: set[str]) -> list[text_safety.Link]:
    links: list[text_safety.Link] = []
    _walk(doc, file, "", hosts, links)
    return links


def check_references(value: Any, file: str, path: str, ids: dict[str, set[str]]) -> None:
    """Every id under a reference key names one that exists (lists of records are skipped:
    data/sources.yml's own `sources:` is the list of sources itself). Run after the loaders,
    whose own messages are more precise; this catches keys no loader knows yet."""
    if isinstance(value, list):
        for i, item in enumerate(value):
            check_references(item, file, join(path, i), ids)
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        key_path = join(path, str(key))
        kind = REFERENCE_KEYS.get(key)
        refs = [item] if isinstance(item, str) else item
        if kind and isinstance(refs, list) and all(isinstance(r, str) for r in refs):
            for i, ref in enumerate(refs):
                if ref not in ids[kind]:
                    where = key_path if isinstance(item, str) else join(key_path, i)
                    raise DataError(file, where, ref, f"a known {kind} id (see data/"
                                    f"{FILES_OF.get(kind, 'measures/')})")
        else:
            check_references(item, file, key_path, ids)


def _walk(value: Any, file: str, path: str, hosts: set[str], links: list) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise DataError(file, path or "(top level)", value, "a finite number (no .nan or .inf)")
    if isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, file, join(path, i), hosts, links)
        return
    if not isinstance(value, dict):
        return
    for key in value:
        if isinstance(key, bool) or key is None or isinstance(key, float):
            raise DataError(file, join(path, str(key)), key, "a name in quotes or not yes/no")
    is_text = bool(value) and set(value) <= set(LANGS)
    # zh/en beside other keys: a glossary term's names (it has a definition), else sentences (a
    # measure's claim, a unit of the policy text) measured like the list they are in.
    field = _field(path) if is_text or "definition" not in value else "name"
    for key, item in value.items():
        key_path = join(path, str(key))
        if key in LANGS:
            pairs = [(join(key_path, i), t) for i, t in enumerate(item)] \
                if isinstance(item, list) else [(key_path, item)]
            for where, text in pairs:
                _check_text(text, key, file, where, _kind(file, field), hosts, links)
        else:
            _walk(item, file, key_path, hosts, links)
    if is_text and isinstance(value.get("zh"), str) and isinstance(value.get("en"), str):
        problem = placeholders.check_pair(value["zh"], value["en"])
        if problem:
            raise DataError(file, join(path, "en"), value["en"], problem[0])


def _field(path: str) -> str:
    last = re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]
    return re.sub(r"\[\d+\]", "", last)


def _kind(file: str, field: str) -> str:
    if file in INTERFACE_FILES:
        return "interface"
    return "short" if field in SHORT_FIELDS else "long"


def _check_text(text: Any, lang: str, file: str, path: str, kind: str, hosts: set[str],
                links: list) -> None:
    if not isinstance(text, str):
        raise DataError(file, path, text, f"{LANGUAGES[lang].a_text} (a string: quote numbers, yes/no, null)")
    if not text.strip():
        raise DataError(file, path, text, f"a non-empty {lang} text")   # as schema.check_text says
    bad = CONTROL.search(text)
    if bad:
        raise DataError(file, path, text, f"no tab, zero-width or control character "
                        f"(found {bad.group()!r} at character {bad.start() + 1})")
    limit = LIMITS[kind][LANGS.index(lang)]
    if len(text) > limit:
        raise DataError(file, path, text, f"at most {limit} characters for a {kind} field "
                        f"(found {len(text)})")
    if kind == "short" and "\n" in text.strip():
        raise DataError(file, path, text, "one line (a title, heading or name has no line break)")
    problem = LANGUAGES[lang].check(text) or placeholders.check(text)
    if problem:
        raise DataError(file, path, problem[1], problem[0])
    problem, relative = text_safety.check_markdown(text, hosts)
    if problem:
        raise DataError(file, path, problem[1], problem[0])
    links.extend(text_safety.Link(file, path, target) for target in relative)
