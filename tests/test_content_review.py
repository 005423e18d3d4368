"""Findings of the content review (2026-12) pinned so they cannot come back: the personal-pension
withdrawal rule always carries its 1 September 2025 start, the sources' "verified" flags agree
with what the About page tells readers, the document has one English title, and English
interface text carries no Chinese."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

CJK = re.compile(r"[\u3400-\u9fff]")


def reader_texts(obj, lang):
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == lang and isinstance(value, str):
                yield value
            else:
                yield from reader_texts(value, lang)
    elif isinstance(obj, list):
        for value in obj:
            yield from reader_texts(value, lang)


def data_files():
    return sorted(ROOT.glob("data/*.yml")) + sorted(ROOT.glob("data/*/*.yml"))


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_withdrawal_conditions_always_carry_the_2025_start():
    """Any text naming the early-withdrawal conditions (loss of the ability to work, settling
    abroad) gives the corrected rule: 'complete' loss, and the three cases added on 1 September 2025."""
    wrong = []
    for path in data_files():
        data = load(path)
        for text in reader_texts(data, "zh"):
            if "丧失劳动能力" in text and not ("完全丧失劳动能力" in text and "2025年9月1日" in text):
                wrong.append(f"{path.name}: {text[:60]}")
        for text in reader_texts(data, "en"):
            if "ability to work" in text and not ("completely" in text and "1 September 2025" in text):
                wrong.append(f"{path.name}: {text[:60]}")
    assert not wrong, "\n".join(wrong)


def test_no_source_claims_an_official_check_the_about_page_denies():
    """The About page says 'verified' means the official page was opened and that none was yet;
    so no source may be flagged verified while that sentence stands, and both pages say it."""
    sources = load(ROOT / "data/sources.yml")["sources"]
    about_zh = (ROOT / "docs/about.md").read_text(encoding="utf-8")
    about_en = (ROOT / "docs/about.en.md").read_text(encoding="utf-8")
    assert "目前每个来源都标为" in about_zh and "every source is marked" in about_en
    claimed = [s["id"] for s in sources if s["verified"]]
    assert not claimed, f"verified: true in data/sources.yml contradicts docs/about*.md: {claimed}"


def test_no_figure_is_verified_unless_its_source_is():
    """A parameter value checked on the official page implies its source page was opened."""
    sources = {s["id"]: s["verified"] for s in load(ROOT / "data/sources.yml")["sources"]}
    params = load(ROOT / "data/parameters.yml")["parameters"]
    wrong = []
    for name, spec in params.items():
        for key, raw in spec["values"].items():
            entry = raw if isinstance(raw, dict) and "value" in raw else {}
            source = entry.get("source", spec.get("source"))
            verified = entry.get("verified", spec.get("verified"))
            if verified and not sources[source]:
                wrong.append(f"parameters.{name}.values[{key}]: verified, but {source} is not")
    assert not wrong, "\n".join(wrong)


def test_the_document_has_one_english_title():
    title = load(ROOT / "data/document.yml")["title"]["en"]
    source = next(s for s in load(ROOT / "data/sources.yml")["sources"] if s["id"] == "anhui-opinions-2025")
    assert source["title"]["en"].startswith(title)
    assert "quality" in title and "efficiency" in title          # 提质增效 is in the title
    assert f"*{title}*" in (ROOT / "docs/index.en.md").read_text(encoding="utf-8")


def test_english_calculator_words_have_no_chinese():
    words = load(ROOT / "data/calculator_ui.yml")
    mixed = [t for t in reader_texts(words, "en") if CJK.search(t)]
    assert not mixed, mixed
