"""What counts as Chinese text and as English text in data/ (README.md, "Data contract").

- A zh field must contain at least one Chinese character (a CJK ideograph), unless the whole
  text is a number (the hotline "12333"), a language tag (the voice "zh-CN") or a pattern of
  punctuation and {placeholders} only (data/ui.yml's punctuation words, e.g. "（{t}）").
- An en field may not contain Chinese punctuation, and Chinese characters only in two
  documented places: a name in brackets or quotes right after its pinyin, e.g.
  "Wanshitong (皖事通)" (at most 10 characters), or one character right after a number, as
  readers type it, e.g. "0.5万".
- A zh field keeps each paragraph on one line: a line break between two Chinese characters
  shows as a space in the browser.
Each check returns what was expected, or None when the text is fine.
"""

from __future__ import annotations

import re

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
HAS_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]")
# A number ("12333", "0.5") or a language tag ("zh-CN"): the only zh texts without Chinese.
CODE = re.compile(r"^(?:[0-9][0-9.,]*|[a-z]{2,3}-[A-Z]{2})$")
# Punctuation and spaces around {placeholders}, nothing else: "：", "（{t}）", "{n}{t}".
PUNCTUATION_ONLY = re.compile(r"^(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[^\w{}])+$")
IDEOGRAPH_RUN = re.compile(f"[{IDEOGRAPH}]+")
PUNCT = re.compile(f"[{CJK_PUNCT}]")
# A name quoted after its pinyin: "Wanshitong (皖事通)", 'the "皖事通" app'.
QUOTED = re.compile(f"^[(\"“‘']([{IDEOGRAPH}]{{1,10}})[)\"”’']$")
WRAPPED = re.compile(f"[{IDEOGRAPH}{CJK_PUNCT}]\n[{IDEOGRAPH}{CJK_PUNCT}]")

# The messages name their examples in words: the code holds no Chinese (tests/test_words_out_of_code.py).
EN_RULE = ("English text: Chinese characters only as a name in brackets or quotes right after "
           "its pinyin (at most 10 characters), e.g. Wanshitong followed by the app's Chinese "
           "name in brackets, or as one unit right after a number, e.g. the character for ten "
           "thousand after 0.5; no Chinese punctuation")
ZH_RULE = ("a Chinese text (at least one Chinese character), or a number such as 12333, a "
           "language tag such as zh-CN or punctuation around {placeholders}, such as "
           "data/ui.yml's bracketed")
WRAP_RULE = ("each Chinese paragraph on one line (a line break between two Chinese characters "
             "shows as a space)")


def check_zh(text: str) -> tuple[str, str] | None:
    """(expected, offending part) or None."""
    if not HAS_IDEOGRAPH.search(text) and not CODE.match(text.strip()) \
            and not PUNCTUATION_ONLY.match(text):
        return ZH_RULE, text
    wrapped = WRAPPED.search(text)
    if wrapped:
        return WRAP_RULE, wrapped.group()
    return None


def check_en(text: str) -> tuple[str, str] | None:
    punct = PUNCT.search(text)
    if punct:
        return EN_RULE, text[max(0, punct.start() - 20):punct.end() + 20]
    for run in IDEOGRAPH_RUN.finditer(text):
        start, end = run.start(), run.end()
        after_number = end - start == 1 and start > 0 and text[start - 1].isdigit()
        quoted = start > 0 and end < len(text) and QUOTED.match(text[start - 1:end + 1])
        if not (after_number or quoted):
            return EN_RULE, text[max(0, start - 20):end + 20]
    return None
