"""Small formatting helpers shared by the renderers: clause numerals, source lines, joins.

Every word and punctuation mark comes from data/ui.yml (its punctuation and numbering words), so
the code has no per-language branch: labelled(u, label, value, lang) writes "label：value" /
"label: value", joined() a list with 、 / ", ", bracketed() "（x）" / " (x)", numbered() "（四）title" /
"(4) title". ``u`` is site.ui (a textfmt.Words)."""

from __future__ import annotations

from hooks.load.languages import DEFAULT, LANGS
from hooks.load.schema import DataError

ORIGINAL = DEFAULT   # the language the policy is written in: the site's default, at /


def other_lang(lang: str) -> str:
    """The site's other language: a page in one names a term in the other."""
    return next(other for other in LANGS if other != lang)


def numeral(n: int, lang: str, u: dict) -> str:
    """一 / 1: how the opinions number a part (and, in brackets, a clause)."""
    return ui(u, "numerals", lang).split()[n - 1]


def clause_label(n: int, lang: str, u: dict) -> str:
    """第（四）条 / clause (4): how the site cites a clause of the opinions."""
    return ui(u, "clause_label", lang, n=numeral(n, lang, u))


def clause_prefix(n: int, lang: str, u: dict) -> str:
    return ui(u, "clause_prefix", lang, n=numeral(n, lang, u))


def section_numeral(n: int, lang: str, u: dict) -> str:
    return numeral(n, lang, u)


def labelled(u: dict, label: str, value: str, lang: str) -> str:
    return label + ui(u, "colon", lang) + value


def joined(u: dict, items, lang: str) -> str:
    """Items joined with the list separator: 、 / ", "."""
    return ui(u, "list_separator", lang).join(items)


def bracketed(u: dict, text: str, lang: str) -> str:
    """（text） / " (text)": a note after what it explains."""
    return ui(u, "bracketed", lang, t=text)


def numbered(u: dict, number: str, text: str, lang: str) -> str:
    return ui(u, "numbered", lang, n=number, t=text)


def t(text: dict, lang: str) -> str:
    return text[lang].strip()


class Words(dict):
    """Interface words of one data file: asking for a word it lacks names the file and key
    (a bare KeyError would name neither)."""

    def __init__(self, file: str, words: dict, section: str = "") -> None:
        super().__init__(words)
        self.file, self.section = file, section

    def key(self, key: str) -> str:
        return f"{self.section}.{key}" if self.section else key

    def __missing__(self, key: str):
        raise DataError(self.file, self.key(key), None, "this interface word (the build uses it)")


def ui(site_ui: dict, key: str, lang: str, **values: object) -> str:
    text = site_ui[key][lang]
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        file, where = (site_ui.file, site_ui.key(key)) if isinstance(site_ui, Words) \
            else ("data/ui.yml", key)
        raise DataError(file, f"{where}.{lang}", text,
                        f"only the placeholders {sorted(values)} here") from None


def source_line(src: dict, lang: str, site_ui: dict) -> str:
    """One source as a Markdown list item body: title (linked), number, confidence, flags."""
    title = t(src["title"], lang)
    if src.get("url"):
        head = f"[{title}]({src['url']})"
    else:
        no_url = ui(site_ui, "no_url", lang)
        head = title + bracketed(site_ui, no_url, lang)
    parts = [head]
    if src.get("number"):
        parts.append(t(src["number"], lang))
    level = ui(site_ui, f"confidence_{src['confidence']}", lang)
    parts.append(labelled(site_ui, ui(site_ui, "confidence", lang), level, lang))
    if not src.get("verified"):   # the same words under most sources: not worth a search hit
        parts.append(f"**{ui(site_ui, 'unverified', lang)}**{{: data-search-exclude }}")
    line = (" · ").join(parts)
    if src.get("note"):
        line += f"<br>{t(src['note'], lang)}"
    return line


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())
