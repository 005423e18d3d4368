"""Our scripts hold no interface words: no Chinese character or full-width punctuation in the
code of any file under docs/assets/js/ (comments may have them: they explain), vendor/ aside.
Words and punctuation come from data/ (the calculators read data/calculator_ui.yml and
data/example_words.yml from the page). A character a reader may type, such as 万, is written
by code point (\\u4e07) with a comment saying what it is. Each offence is named file:line.
(Issue 12, point 4; the Python side is tests/test_words_out_of_code.py on branch h-words.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

# CJK ideographs (with extension A and compatibility ones), CJK punctuation, full-width forms.
CHINESE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
SCRIPTS = ROOT / "docs" / "assets" / "js"
# After one of these (or at the start), a / begins a regular expression, not a division.
BEFORE_REGEX = set("(,=:[!&|?{};+-*%<>~^") | {""}


def script_files() -> list[Path]:
    return sorted(p for p in SCRIPTS.rglob("*.js") if "vendor" not in p.relative_to(SCRIPTS).parts)


def code_only(source: str) -> str:
    """The source with its comments replaced by as many line breaks (so lines still count);
    strings, template literals and regular expressions kept."""
    kept, i, previous = [], 0, ""
    while i < len(source):
        two = source[i:i + 2]
        if two in ("//", "/*"):
            end = source.find("\n" if two == "//" else "*/", i + 2)
            end = len(source) if end < 0 else end + (0 if two == "//" else 2)
            kept.append("\n" * source.count("\n", i, end))
            i = end
            continue
        char = source[i]
        if char in "'\"`" or (char == "/" and previous in BEFORE_REGEX):
            end, in_class = i + 1, False
            while end < len(source) and (source[end] != char or in_class):
                if source[end] == "\\":
                    end += 1
                elif char == "/" and source[end] in "[]":
                    in_class = source[end] == "["
                end += 1
            kept.append(source[i:end + 1])
            previous, i = char, end + 1
            continue
        kept.append(char)
        if not char.isspace():
            previous = char
        i += 1
    return "".join(kept)


def chinese_lines(source: str, name: str) -> list[str]:
    return [f"{name}:{number}: {line.strip()[:60]}"
            for number, line in enumerate(code_only(source).split("\n"), 1) if CHINESE.search(line)]


@pytest.mark.parametrize("path", script_files(), ids=lambda p: p.relative_to(SCRIPTS).as_posix())
def test_no_chinese_in_script_code(path: Path) -> None:
    found = chinese_lines(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    assert not found, "Chinese in script code (put the words in data/):\n" + "\n".join(found)


def test_every_calculator_script_is_checked() -> None:
    names = {p.relative_to(SCRIPTS).as_posix() for p in script_files()}
    assert {"calc/core.js", "calc/app.js", "calc/parse.js", "calc/result.js"} <= names


def test_the_check_skips_comments_and_names_code_lines() -> None:
    source = ('// 注释 is fine\n/* 多行\n注释 */ var a = 1 / 2;\nvar b = "元";\nvar c = /万$/;\n'
              'var d = "http://x"; // 说明\nvar e = `年`;\n')
    assert [line.split(":")[1] for line in chinese_lines(source, "x.js")] == ["4", "5", "7"]
