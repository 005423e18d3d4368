"""Small formatting helpers shared by the renderers: clause numerals, source lines, joins."""

from __future__ import annotations

from schema import DataError

ZH_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
               "十一", "十二", "十三", "十四", "十五"]


def clause_label(n: int, lang: str) -> str:
    """第（四）条 / clause (4): how the site cites a clause of the opinions."""
    return f"第（{ZH_NUMERALS[n]}）条" if lang == "zh" else f"clause ({n})"


def clause_prefix(n: int, lang: str) -> str:
    return f"（{ZH_NUMERALS[n]}）" if lang == "zh" else f"({n})"


def section_numeral(n: int, lang: str) -> str:
    return ZH_NUMERALS[n] if lang == "zh" else str(n)


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
        head = f"{title}（{no_url}）" if lang == "zh" else f"{title} ({no_url})"
    parts = [head]
    if src.get("number"):
        parts.append(t(src["number"], lang))
    level = ui(site_ui, f"confidence_{src['confidence']}", lang)
    parts.append(f"{ui(site_ui, 'confidence', lang)}{'：' if lang == 'zh' else ': '}{level}")
    if not src.get("verified"):
        parts.append(f"**{ui(site_ui, 'unverified', lang)}**")
    line = (" · ").join(parts)
    if src.get("note"):
        line += f"<br>{t(src['note'], lang)}"
    return line


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())
