"""The site's languages and what the code knows about each one's script, in one table.

Words live in data/ ({zh: …, en: …}); what is here is how a language is *handled*: which text
checks apply, whether words are separated by spaces, dictionary order, where its pages go.
Adding a language is an entry here, its words in data/ and its block under the i18n plugin in
mkdocs.yml; no other module asks which language it is looking at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pypinyin import lazy_pinyin

from hooks.load import language_checks

# The policy's own language, and the site's default: its pages are x.md at /, the others'
# x.<code>.md at /<code>/ (mkdocs-static-i18n's suffix structure, mkdocs.yml `default: true`).
DEFAULT = "zh"


@dataclass(frozen=True)
class Language:
    check: Callable[[str], tuple[str, str] | None]   # language_checks: what a text may hold
    spaced: bool   # words are separated by spaces: a term is found as a whole word, case aside
    sort_key: Callable[[str], object]   # dictionary order of names (the glossary)
    a_text: str    # how an error message names a text in this language
    a_name: str    # … and a name (a glossary term)


def _pinyin_order(name: str) -> object:
    return (lazy_pinyin(name), name)   # digits such as 12333 sort first


LANGUAGES = {
    "zh": Language(check=language_checks.check_zh, spaced=False, sort_key=_pinyin_order,
                   a_text="a Chinese text", a_name="a Chinese name"),
    "en": Language(check=language_checks.check_en, spaced=True, sort_key=str.lower,
                   a_text="an English text", a_name="an English name"),
}
LANGS = tuple(LANGUAGES)


def page_path(path: str, lang: str) -> str:
    """measures/x.md → measures/x.en.md: where a page in ``lang`` is written under docs/."""
    return path if lang == DEFAULT else f"{path[:-len('.md')]}.{lang}.md"


def url_prefix(lang: str) -> str:
    """'' for the default language, '/en' for English: where its pages are served."""
    return "" if lang == DEFAULT else f"/{lang}"
