"""Plain language, measured: the limits written in the README's "Writing rules"."""

from __future__ import annotations

import re

import pytest

ZH_AVERAGE_MAX = 35      # characters per sentence, on average
EN_AVERAGE_MAX = 18      # words per sentence, on average
EN_LONGEST_MAX = 25      # words in any one sentence


def plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)      # links → their words
    text = re.sub(r"^\s*([-*]|\d+\.)\s+", "", text, flags=re.M)  # list markers
    return re.sub(r"[*_`>#]", "", text)


def zh_sentences(text: str) -> list[str]:
    parts = re.split(r"[。！？；\n]+", plain(text))
    return [p for p in (re.sub(r"\s", "", s) for s in parts) if p]


def en_sentences(text: str) -> list[str]:
    # Split after . ! ? ; or a line break, but not inside numbers like 4.5 or "e.g."
    parts = re.split(r"(?<=[.!?;])\s+|\n+", plain(text))
    return [p for p in (s.strip() for s in parts) if re.search(r"[A-Za-z]", p)]


def words(sentence: str) -> int:
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.,%/-]*", sentence))


def corpus(site_data):
    yield from (("summary", m["id"], m["summary"]) for m in site_data.measures)
    yield from (("faq", q["id"], q["answer"]) for q in site_data.faq)


@pytest.fixture(scope="module")
def texts(site_data):
    return list(corpus(site_data))


def test_chinese_sentences_are_short_on_average(texts):
    sentences = [s for _, _, t in texts for s in zh_sentences(t["zh"])]
    average = sum(len(s) for s in sentences) / len(sentences)
    assert average <= ZH_AVERAGE_MAX, f"average {average:.1f} characters"


def test_english_sentences_are_short_on_average(texts):
    sentences = [s for _, _, t in texts for s in en_sentences(t["en"])]
    average = sum(words(s) for s in sentences) / len(sentences)
    assert average <= EN_AVERAGE_MAX, f"average {average:.1f} words"


def test_no_english_sentence_is_too_long(texts):
    long = [(kind, ident, s) for kind, ident, t in texts for s in en_sentences(t["en"])
            if words(s) > EN_LONGEST_MAX]
    assert not long, long[:5]


def test_the_measure_works_on_a_known_bad_text():
    # The checker itself must be able to fail.
    long = "You " + "really " * 30 + "should pay."
    assert words(en_sentences(long)[0]) > EN_LONGEST_MAX
    assert len(zh_sentences("这" * 50 + "。")[0]) > ZH_AVERAGE_MAX
