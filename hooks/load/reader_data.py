"""Load and check the reader-side content: data/faq.yml, data/glossary.yml, data/guides/*.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.load.claims import CLAIM_KEYS
from hooks.load.languages import LANGS, LANGUAGES
from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_keywords,
    check_list,
    check_refs,
    check_text,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import read_yaml, rel_name

GUIDE_SECTION_RESERVED = {"measures", "steps", "examples", "calculators", "ask", "sources"}


def load_into(site: Any, root: Path, ids: dict[str, set[str]]) -> None:
    faq_path = root / "faq.yml"
    if faq_path.exists():
        site.faq_topics, site.faq = _faq(read_yaml(faq_path, root), rel_name(faq_path, root), ids)
    glossary_path = root / "glossary.yml"
    if glossary_path.exists():
        site.glossary = _glossary(read_yaml(glossary_path, root),
                                  rel_name(glossary_path, root), ids)
    guides = []
    for path in sorted((root / "guides").glob("*.yml")):
        file = rel_name(path, root)
        guides.append(_guide(read_yaml(path, root), file, path.stem, ids))
    # The guide order follows data/audiences.yml, so the index reads in a sensible order.
    order = [a["id"] for a in site.audiences]
    site.guides = sorted(guides, key=lambda g: order.index(g["audience"]))


def _faq(doc: Any, file: str, ids: dict[str, set[str]]) -> tuple[list[dict], list[dict]]:
    check_keys(doc, {"topics", "faq"}, file, "")
    topics = check_list(require(doc, "topics", file, ""), file, "topics", min_len=1)
    check_unique(topics, file, "topics")
    for i, t in enumerate(topics):
        path = join("topics", i)
        check_keys(t, {"id", "title"}, file, path)
        check_id(require(t, "id", file, path), file, join(path, "id"))
        check_text(require(t, "title", file, path), file, join(path, "title"))
    topic_ids = {t["id"] for t in topics}
    items = check_list(require(doc, "faq", file, ""), file, "faq", min_len=1)
    check_unique(items, file, "faq")
    for i, q in enumerate(items):
        path = join("faq", i)
        check_keys(q, {"id", "topic", "measure", "question", "answer", "sources"} | CLAIM_KEYS,
                   file, path)
        check_id(require(q, "id", file, path), file, join(path, "id"))
        check_refs([require(q, "topic", file, path)], topic_ids, file, join(path, "topic"), "topic")
        check_refs([require(q, "measure", file, path)], ids["measure"], file,
                   join(path, "measure"), "measure")
        check_text(require(q, "question", file, path), file, join(path, "question"))
        check_text(require(q, "answer", file, path), file, join(path, "answer"))
        check_list(require(q, "sources", file, path), file, join(path, "sources"), min_len=1)
        check_refs(q["sources"], ids["source"], file, join(path, "sources"), "source")
    return topics, items


def _glossary(doc: Any, file: str, ids: dict[str, set[str]]) -> list[dict]:
    check_keys(doc, {"terms"}, file, "")
    terms = check_list(require(doc, "terms", file, ""), file, "terms", min_len=1)
    check_unique(terms, file, "terms")
    check_unique(terms, file, "terms", key="zh")
    for i, t in enumerate(terms):
        path = join("terms", i)
        check_keys(t, {"id", "zh", "en", "aliases", "definition", "sources"}, file, path)
        check_id(require(t, "id", file, path), file, join(path, "id"))
        for lang in LANGS:
            name = require(t, lang, file, path)
            if not isinstance(name, str) or not name.strip():
                raise DataError(file, join(path, lang), name, f"the term's {lang} name")
        check_text(require(t, "definition", file, path), file, join(path, "definition"))
        aliases = t.setdefault("aliases", {"zh": [], "en": []}) or {"zh": [], "en": []}
        t["aliases"] = aliases
        check_keys(aliases, {"zh", "en"}, file, join(path, "aliases"))
        for lang in LANGS:
            values = aliases.setdefault(lang, []) or []
            aliases[lang] = values
            for j, alias in enumerate(check_list(values, file, join(join(path, "aliases"), lang))):
                if not isinstance(alias, str) or not alias.strip():
                    raise DataError(file, f"{path}.aliases.{lang}[{j}]", alias, "a non-empty text")
        check_refs(t.setdefault("sources", []) or [], ids["source"], file,
                   join(path, "sources"), "source")
    _check_unique_names(terms, file)
    return terms


def _check_unique_names(terms: list[dict], file: str) -> None:
    """A name or alias names one term only, in each language (case and spaces aside): the
    glossary links a word on the pages to its one definition."""
    for lang in LANGS:
        seen: dict[str, str] = {}
        for i, t in enumerate(terms):
            forms = [(join(join("terms", i), lang), t[lang])] + [
                (f"terms[{i}].aliases.{lang}[{j}]", a) for j, a in enumerate(t["aliases"][lang])]
            for key, name in forms:
                norm = " ".join(name.casefold().split())
                if norm in seen:
                    raise DataError(file, key, name, f"{LANGUAGES[lang].a_name} not already "
                                    f"used by {seen[norm]}")
                seen[norm] = key


def _guide(g: Any, file: str, stem: str, ids: dict[str, set[str]]) -> dict:
    allowed = {"id", "audience", "title", "keywords", "summary", "intro", "steps", "sections",
               "examples", "calculators", "ask", "sources", "charts"}
    check_keys(g, allowed, file, "")
    check_refs(g.get("charts", []), ids["chart"], file, "charts", "chart")
    if check_id(require(g, "id", file, ""), file, "id") != stem:
        raise DataError(file, "id", g["id"], f"the file name '{stem}'")
    check_refs([require(g, "audience", file, "")], ids["audience"], file, "audience", "audience")
    check_text(require(g, "title", file, ""), file, "title")
    g["keywords"] = check_keywords(g.get("keywords"), file, "keywords")
    check_text(require(g, "summary", file, ""), file, "summary", max_zh=40, max_en_words=25)
    check_text(require(g, "intro", file, ""), file, "intro")
    for i, step in enumerate(check_list(require(g, "steps", file, ""), file, "steps", min_len=1)):
        path = join("steps", i)
        check_keys(step, {"title", "body"} | CLAIM_KEYS, file, path)
        check_text(require(step, "title", file, path), file, join(path, "title"))
        check_text(require(step, "body", file, path), file, join(path, "body"))
    sections = g.setdefault("sections", []) or []
    g["sections"] = sections
    check_unique(sections, file, "sections")
    for i, sec in enumerate(check_list(sections, file, "sections")):
        path = join("sections", i)
        check_keys(sec, {"id", "heading", "body"}, file, path)
        if check_id(require(sec, "id", file, path), file, join(path, "id")) in GUIDE_SECTION_RESERVED:
            raise DataError(file, join(path, "id"), sec["id"],
                            f"an id other than {sorted(GUIDE_SECTION_RESERVED)}")
        check_text(require(sec, "heading", file, path), file, join(path, "heading"))
        check_text(require(sec, "body", file, path), file, join(path, "body"))
    g["examples"] = check_list(g.get("examples") or [], file, "examples")
    check_list(require(g, "calculators", file, ""), file, "calculators")   # ids: site_data.load
    for i, item in enumerate(check_list(require(g, "ask", file, ""), file, "ask", min_len=1)):
        check_text(item, file, join("ask", i))
    check_refs(require(g, "sources", file, ""), ids["source"], file, "sources", "source")
    g["_file"] = file
    return g
