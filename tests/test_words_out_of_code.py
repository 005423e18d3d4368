"""Interface words and punctuation live in data/, not in code (issue 12, point 4).

- No string literal in hooks/ or pension/ holds a Chinese character or full-width punctuation
  (docstrings and comments may: they explain). A character class written with escapes, such
  as language_checks.py's "\\u4e00-\\u9fff", is a rule about a script, not a word, and passes.
- No hook module chooses by comparing a language code: `lang == "zh"`, `lang != "en"`,
  `if lang in …`. What differs between languages is data about the language
  (hooks/load/languages.py).
- The site's scripts under docs/assets/js/ (calc/ included) hold no Chinese outside comments;
  vendor/ is not ours. A character a reader may type, such as 万, is written by code point
  (\\u4e07) with a comment saying what it is.
Every offence is named file:line.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from conftest import ROOT

# CJK ideographs (with extension A and compatibility ones), CJK punctuation, full-width forms.
CHINESE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def python_files() -> list[Path]:
    return sorted(p for folder in ("hooks", "pension") for p in (ROOT / folder).rglob("*.py"))


def js_files() -> list[Path]:
    folder = ROOT / "docs" / "assets" / "js"
    return sorted(p for p in folder.rglob("*.js") if "vendor" not in p.relative_to(folder).parts)


def _docstring_lines(tree: ast.AST) -> set[int]:
    """First lines of the module's, classes' and functions' docstrings."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) \
                and node.body and isinstance(node.body[0], ast.Expr) \
                and isinstance(node.body[0].value, ast.Constant) \
                and isinstance(node.body[0].value.value, str):
            found.add(node.body[0].lineno)
    return found


def chinese_in_python(source: str, name: str) -> list[str]:
    """file:line of each string literal (as written in the source) holding Chinese."""
    docstrings = _docstring_lines(ast.parse(source))
    return [f"{name}:{tok.start[0]}: {tok.string.strip()[:60]}"
            for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type == tokenize.STRING and tok.start[0] not in docstrings
            and CHINESE.search(tok.string)]


def language_branches(source: str, name: str) -> list[str]:
    """file:line of each comparison of a language code: lang == "zh", "en" != page_lang,
    lang in (…)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        names = [s for s in sides if _is_lang(s)]
        literals = [s for s in sides if isinstance(s, ast.Constant) and isinstance(s.value, str)]
        by_value = any(isinstance(op, ast.Eq | ast.NotEq) for op in node.ops) and literals
        by_member = isinstance(node.ops[0], ast.In | ast.NotIn) and _is_lang(node.left)
        if names and (by_value or by_member):
            found.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
    return found


def _is_lang(node: ast.AST) -> bool:
    word = node.id if isinstance(node, ast.Name) else \
        node.attr if isinstance(node, ast.Attribute) else ""
    return word == "lang" or word.endswith("_lang") or word == "locale"


def chinese_in_js(source: str, name: str) -> list[str]:
    """file:line of each line whose code (comments removed) holds Chinese."""
    code = _without_js_comments(source)
    return [f"{name}:{n}: {line.strip()[:60]}" for n, line in enumerate(code.split("\n"), 1)
            if CHINESE.search(line)]


def _without_js_comments(source: str) -> str:
    """The source with // and /* */ comments blanked (line breaks kept, so lines still count),
    strings, template literals and regular expressions left as they are."""
    out, i, n = [], 0, len(source)
    last = ""   # the last character of code that is not a space: does a / start a regex?
    while i < n:
        c, nxt = source[i], source[i + 1:i + 2]
        if c == "/" and nxt == "/":
            end = source.find("\n", i)
            i = n if end < 0 else end
            continue
        if c == "/" and nxt == "*":
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * source.count("\n", i, end))
            i = end
            continue
        if c in "'\"`" or (c == "/" and (not last or last in "(,=:[!&|?{};+-*%<>~^")):
            j = i + 1
            in_class = False
            while j < n and (source[j] != c or in_class):
                if source[j] == "\\":
                    j += 1
                elif c == "/" and source[j] in "[]":
                    in_class = source[j] == "["
                elif c in "'\"/" and source[j] == "\n":
                    break
                j += 1
            out.append(source[i:j + 1])
            last, i = c, j + 1
            continue
        out.append(c)
        if not c.isspace():
            last = c
        i += 1
    return "".join(out)


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", python_files(), ids=_rel)
def test_no_chinese_in_python_string_literals(path: Path) -> None:
    found = chinese_in_python(path.read_text(encoding="utf-8"), _rel(path))
    assert not found, ("words or punctuation in code; move them to data/ (data/ui.yml, "
                       "data/example_words.yml):\n" + "\n".join(found))


@pytest.mark.parametrize("path", sorted((ROOT / "hooks").rglob("*.py")), ids=_rel)
def test_no_hook_compares_a_language_code(path: Path) -> None:
    found = language_branches(path.read_text(encoding="utf-8"), _rel(path))
    assert not found, ("a branch on the language; ask hooks/load/languages.py or data/ "
                       "instead:\n" + "\n".join(found))


@pytest.mark.parametrize("path", js_files(), ids=_rel)
def test_no_chinese_in_script_code(path: Path) -> None:
    found = chinese_in_js(path.read_text(encoding="utf-8"), _rel(path))
    assert not found, ("Chinese in a script outside comments; words come from data/ through "
                       "data- attributes:\n" + "\n".join(found))


# The checks themselves: each finds a planted offence, at its line, and lets the allowed through.

def test_python_check_names_the_line_of_a_chinese_literal() -> None:
    source = '"""模块说明。"""\n\ndef f(lang):\n    """函数说明。"""\n    # 注释\n' \
             '    sep = "：" if lang else ": "\n    rule = "[\\u4e00-\\u9fff]"\n    return sep\n'
    assert chinese_in_python(source, "x.py") == ['x.py:6: "："']


def test_branch_check_names_every_kind_of_language_comparison() -> None:
    source = ('if lang == "zh": pass\nif "en" != page_lang: pass\nif lang in LANGS: pass\n'
              'if lang == DEFAULT: pass\nfor lang in LANGS: pass\nif key in LANGS: pass\n')
    assert [f.split(":")[1] for f in language_branches(source, "x.py")] == ["1", "2", "3"]


def test_js_check_skips_comments_and_names_code_lines() -> None:
    source = ('// 注释 "not a string\nvar url = "https://x/y"; /* 块\n注释 */ var a = 1;\n'
              'var re = /[。！]/;\nvar s = "说明 // not a comment";\nvar t = a / 2; // 除以\n')
    assert [f.split(":")[1] for f in chinese_in_js(source, "x.js")] == ["4", "5"]


def test_every_script_is_checked_the_calculators_too() -> None:
    names = {p.relative_to(ROOT / "docs" / "assets" / "js").as_posix() for p in js_files()}
    assert {"calc/core.js", "calc/app.js", "calc/parse.js", "calc/result.js", "a11y.js"} <= names
