"""Small checkers for data/*.yml: each one raises DataError naming the file, the key path,
the value found and what was expected. Used by sitedata.py; no MkDocs imports."""

from __future__ import annotations

import re
from typing import Any

from hooks.load.languages import LANGS

ASCII_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Sentence-ish units: what a reader sees as one sentence in each language.
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")


class DataError(Exception):
    """Bad data. The message is meant for the person editing the YAML file."""

    def __init__(self, file: str, key: str, value: Any, expected: str) -> None:
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        # A whole-file problem ("(line 3)") or a missing key or word ("this key to be present",
        # "this interface word"): there is no value to show.
        nothing = value is None and (key.startswith("(") or expected.startswith("this "))
        found = "" if nothing else f", got {shown}"
        super().__init__(f"{file}: {key}: expected {expected}{found}")
        self.file, self.key, self.value, self.expected = file, key, value, expected


def require(obj: Any, key: str, file: str, path: str) -> Any:
    """Return obj[key] or fail naming the missing key."""
    if not isinstance(obj, dict):
        raise DataError(file, path or "(top level)", obj, "a mapping")
    if key not in obj:
        raise DataError(file, join(path, key), None, "this key to be present")
    return obj[key]


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def check_keys(obj: dict, allowed: set[str], file: str, path: str) -> None:
    """Unknown keys are usually typos (e.g. `summery`): refuse them."""
    if not isinstance(obj, dict):
        raise DataError(file, path or "(top level)", obj, f"a mapping with keys {sorted(allowed)}")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise DataError(file, join(path, unknown[0]), obj[unknown[0]],
                        f"one of the known keys {sorted(allowed)}")


def check_type(value: Any, typ: type | tuple, file: str, path: str, what: str) -> Any:
    # bool is an int in Python; a YAML `yes` must not pass as a number.
    if isinstance(value, bool) and typ is not bool:
        raise DataError(file, path, value, what)
    if not isinstance(value, typ):
        raise DataError(file, path, value, what)
    return value


def check_id(value: Any, file: str, path: str) -> str:
    if not isinstance(value, str) or not ASCII_ID.match(value):
        raise DataError(file, path, value, "an ASCII kebab-case id like 'flexible-workers'")
    return value


def zh_length(text: str) -> int:
    """Characters a reader counts in a Chinese sentence (spaces do not count)."""
    return len(re.sub(r"\s", "", text))


def en_words(text: str) -> int:
    return len(WORD.findall(text))


def check_text(value: Any, file: str, path: str, *, max_zh: int | None = None,
               max_en_words: int | None = None) -> dict[str, str]:
    """A bilingual text: {zh: ..., en: ...}, both non-empty strings."""
    if not isinstance(value, dict):
        raise DataError(file, path, value, "a mapping with 'zh' and 'en' texts")
    check_keys(value, set(LANGS), file, path)
    for lang in LANGS:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise DataError(file, join(path, lang), text, f"a non-empty {lang} text")
    if max_zh is not None and zh_length(value["zh"]) > max_zh:
        raise DataError(file, join(path, "zh"), value["zh"],
                        f"at most {max_zh} Chinese characters (found {zh_length(value['zh'])})")
    if max_en_words is not None and en_words(value["en"]) > max_en_words:
        raise DataError(file, join(path, "en"), value["en"],
                        f"at most {max_en_words} English words (found {en_words(value['en'])})")
    return value


def check_list(value: Any, file: str, path: str, *, min_len: int = 0) -> list:
    if not isinstance(value, list) or len(value) < min_len:
        raise DataError(file, path, value, f"a list with at least {min_len} item(s)" if min_len
                        else "a list (write [] for none)")
    return value


def check_refs(values: Any, known: set[str], file: str, path: str, kind: str) -> list[str]:
    """A list of ids that must all exist among `known` (e.g. measure ids)."""
    check_list(values, file, path)
    for i, ref in enumerate(values):
        if not isinstance(ref, str) or ref not in known:
            raise DataError(file, join(path, i), ref, f"a known {kind} id ({', '.join(sorted(known))})")
    return values


def check_unique(items: list[dict], file: str, path: str, key: str = "id") -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise DataError(file, join(path, i), item, f"a mapping with an '{key}'")
        value = item.get(key)
        if not isinstance(value, str):
            continue   # the caller's own check names a missing or non-text id
        if value in seen:
            raise DataError(file, join(join(path, i), key), value, f"a unique {key} (duplicate)")
        seen.add(value)


def check_keywords(value: Any, file: str, path: str) -> dict[str, list[str]]:
    """Search keywords: {zh: [...], en: [...]}, words people type that should bring this page
    first. Written as the page's `tags`, which Material's search ranks far above titles and text
    (and shows under the result). Few and specific: a keyword makes its page the first result
    for every query that starts like it."""
    value = {lang: [] for lang in LANGS} if value is None else value
    if not isinstance(value, dict):
        raise DataError(file, path, value, "a mapping of 'zh' and 'en' keyword lists")
    check_keys(value, set(LANGS), file, path)
    for lang in LANGS:
        words = value.setdefault(lang, []) or []
        value[lang] = words
        seen: set[str] = set()
        for i, word in enumerate(check_list(words, file, join(path, lang))):
            where = join(join(path, lang), i)
            if not isinstance(word, str) or not word.strip() or "\n" in word:
                raise DataError(file, where, word, "a keyword: a non-empty one-line text")
            if word.casefold() in seen:
                raise DataError(file, where, word, "a keyword not already listed")
            seen.add(word.casefold())
    return value
