"""Load every file under data/ and validate it, before anything is written.

data/*.yml → load() → SiteData (plain dicts, checked) → render_*.py → pages.
Every problem raises schema.DataError naming the file, the key path, the value and what was
expected. No MkDocs imports: the build hook, the tests and any other tool can call load().
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks.load import (
    agencies_data,
    calculators_data,
    claims,
    data_walk,
    figures,
    finder_data,
    links,
    open_data_files,
    policy_data,
    reader_data,
    required_words,
    rules_data,
)
from hooks.load.schema import (
    DataError,
    check_id,
    check_keys,
    check_list,
    check_refs,
    check_text,
    check_type,
    check_unique,
    join,
    require,
)
from hooks.load.yaml_file import filling, read_yaml, rel_name
from hooks.render.textfmt import Words

MEASURE_COUNT = 15
SUMMARY_LIMITS = {"max_zh": 40, "max_en_words": 25}
# Anchors the measure page template uses itself; a section may not reuse them.
RESERVED_SECTION_IDS = {"summary", "changes", "who", "examples", "faq", "sources", "related",
                        "calculators", "measures", "steps", "ask", "text"}
CONFIDENCE = {"high", "medium", "low"}


@dataclass
class SiteData:
    root: Path
    document: dict
    areas: list[dict]
    audiences: list[dict]
    sources: dict[str, dict]
    measures: list[dict]                      # sorted by clause
    faq_topics: list[dict] = field(default_factory=list)
    faq: list[dict] = field(default_factory=list)
    glossary: list[dict] = field(default_factory=list)
    guides: list[dict] = field(default_factory=list)
    examples: list[dict] = field(default_factory=list)
    example_words: dict = field(default_factory=dict)     # data/example_words.yml
    parameters: dict = field(default_factory=dict)
    ui: dict = field(default_factory=dict)
    calc_ui: dict = field(default_factory=dict)          # calculator interface words
    calc_script_words: set = field(default_factory=set)  # those the calc/*.js scripts name
    calculators: list[dict] = field(default_factory=list)  # data/calculators.yml, in order
    charts: list[dict] = field(default_factory=list)       # data/charts.yml: the charts' words
    params: Any = None                                     # pension.params.ParameterSet
    policy: dict = field(default_factory=dict)             # data/policy.yml (policy_data.py)
    coverage: Any = None                                   # claims.Coverage
    figures: Any = None                                    # figures.Figures: fills {{…}} figures
    open_data: dict = field(default_factory=dict)          # data/open_data.yml: the files' fields
    public_vectors: dict = field(default_factory=dict)     # tests/vectors/public.json, with its hash
    finder: dict = field(default_factory=dict)             # data/finder.yml (finder_data.py)
    finder_script_words: set = field(default_factory=set)  # those docs/assets/js/finder.js names
    hotline: str = ""                                      # data/agencies.yml: tel: links
    agencies: list[dict] = field(default_factory=list)     # data/agencies.yml: linked agency names

    def measure(self, measure_id: str) -> dict:
        return next(m for m in self.measures if m["id"] == measure_id)

    def area(self, area_id: str) -> dict:
        return next(a for a in self.areas if a["id"] == area_id)


# --- Loading --------------------------------------------------------------------------------

def load(data_dir: str | Path) -> SiteData:
    """Read and validate everything under data_dir. Raises DataError on the first problem.
    Every text is read with its {{…}} figures filled in (figures.py)."""
    root = Path(data_dir).resolve()
    # The files figures come from get the generic checks first (a .nan is named as such).
    _walk_every_file(root, [root / name for name in figures.SOURCE_FILES])
    bound = figures.from_data(root, lambda path: read_yaml(path, root))
    with filling(bound.fill_tree):
        site = _load(root)
    site.figures = bound
    return site


def _load(root: Path) -> SiteData:
    text_links = _walk_every_file(root)

    def top(name: str, key: str) -> tuple[str, Any]:
        path = root / name
        file = rel_name(path, root)
        if not path.exists():
            raise DataError(file, "(file)", None, "this file to exist")
        content = read_yaml(path, root)
        return file, (require(content, key, file, "") if key else content)

    f, sources = top("sources.yml", "sources")
    sources = _check_sources(sources, f)
    f, areas = top("areas.yml", "areas")
    _check_named_list(areas, f, "areas", {"id", "section", "title", "summary"})
    for i, area in enumerate(areas):
        section = check_type(require(area, "section", f, join("areas", i)), int, f,
                             join(join("areas", i), "section"), "a section number 1..15")
        if not 1 <= section <= MEASURE_COUNT:
            raise DataError(f, join(join("areas", i), "section"), section, "a section number 1..15")
    f, audiences = top("audiences.yml", "audiences")
    _check_named_list(audiences, f, "audiences", {"id", "name"})

    f, charts = top("charts.yml", "charts")
    _check_named_list(charts, f, "charts", {"id", "title", "caption", "axis_x", "axis_y",
                                            "table_x", "table_y", "table_base", "series"})
    ids = {"source": set(sources), "area": {a["id"] for a in areas},
           "audience": {a["id"] for a in audiences}, "chart": {c["id"] for c in charts}}
    measures = _load_measures(root, ids)
    ids["measure"] = {m["id"] for m in measures}
    for m in measures:
        check_refs(m["related"], ids["measure"] - {m["id"]}, m["_file"], "related", "other measure")

    f, document = top("document.yml", "")
    _check_document(document, f, ids)

    site = SiteData(root=root, document=document, areas=areas, audiences=audiences,
                    sources=sources, measures=measures, charts=charts)
    site.ui = load_ui(root)
    site.calc_ui = load_ui(root, "calculator_ui.yml")
    finder_words = read_yaml(root / finder_data.FILE, root).get("words", {}) \
        if (root / finder_data.FILE).exists() else {}
    named = required_words.check(root.parent, {"data/ui.yml": site.ui,
                                               "data/calculator_ui.yml": site.calc_ui,
                                               "data/finder.yml": finder_words})
    site.calc_script_words = named["data/calculator_ui.yml"]
    site.finder_script_words = named["data/finder.yml"]
    _load_reader_content(site, root, ids)
    agencies_data.load_into(site, root)
    _load_rules_data(site, root, ids)
    open_data_files.load_into(site, root)
    site.calculators = calculators_data.load(root, ids, site.calc_ui, set(site.params.names()))
    calculator_ids = {c["id"] for c in site.calculators}
    for g in site.guides:
        check_refs(g["calculators"], calculator_ids, g["_file"], "calculators", "calculator")
    finder_data.load_into(site, root)
    for path in sorted(root.rglob("*.yml")):
        data_walk.check_references(read_yaml(path, root), rel_name(path, root), "", ids)
    anchors = links.page_anchors(site, RESERVED_SECTION_IDS, reader_data.GUIDE_SECTION_RESERVED)
    links.check_links(text_links, anchors, root.parent / "docs")
    example_ids = {e["id"] for e in site.examples}
    for g in site.guides:
        check_refs(g["examples"], example_ids, g["_file"], "examples", "worked example")
    policy_data.load_into(site, root, ids["source"])   # the text, claims and coverage, last
    return site


def _walk_every_file(root: Path, paths: list[Path] | None = None) -> list:
    """The generic checks (data_walk.py) on every file under data/, known to the loaders or not."""
    sources = root / "sources.yml"
    hosts = data_walk.source_hosts(read_yaml(sources, root)) if sources.exists() else set()
    found = []
    for path in sorted(root.rglob("*.yml")) if paths is None else [p for p in paths if p.exists()]:
        found += data_walk.check_file(read_yaml(path, root), rel_name(path, root), hosts)
    return found


def _check_sources(items: Any, file: str) -> dict[str, dict]:
    check_list(items, file, "sources", min_len=1)
    check_unique(items, file, "sources")
    out = {}
    for i, src in enumerate(items):
        path = join("sources", i)
        check_keys(src, {"id", "title", "issuer", "number", "url", "confidence", "verified", "note"},
                   file, path)
        check_id(require(src, "id", file, path), file, join(path, "id"))
        check_text(require(src, "title", file, path), file, join(path, "title"))
        url = require(src, "url", file, path)
        if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            raise DataError(file, join(path, "url"), url, "an http(s) address or null")
        if require(src, "confidence", file, path) not in CONFIDENCE:
            raise DataError(file, join(path, "confidence"), src["confidence"], "high, medium or low")
        check_type(require(src, "verified", file, path), bool, file, join(path, "verified"),
                   "true or false")
        for opt in ("issuer", "number", "note"):
            if src.get(opt) is not None:
                check_text(src[opt], file, join(path, opt))
        out[src["id"]] = src
    return out


def _check_named_list(items: Any, file: str, key: str, allowed: set[str]) -> None:
    check_list(items, file, key, min_len=1)
    check_unique(items, file, key)
    for i, item in enumerate(items):
        path = join(key, i)
        check_keys(item, allowed, file, path)
        check_id(require(item, "id", file, path), file, join(path, "id"))
        for text_key in allowed & {"title", "summary", "name"}:
            check_text(require(item, text_key, file, path), file, join(path, text_key))


def _load_measures(root: Path, ids: dict[str, set[str]]) -> list[dict]:
    folder = root / "measures"
    files = sorted(folder.glob("*.yml"))
    measures = []
    for path in files:
        file = rel_name(path, root)
        m = read_yaml(path, root)
        _check_measure(m, file, path.stem, ids)
        m["_file"] = file
        measures.append(m)
    if len(measures) != MEASURE_COUNT:
        raise DataError(rel_name(folder, root), "(files)", [p.name for p in files],
                        f"{MEASURE_COUNT} measure files, one per clause")
    by_clause: dict[int, str] = {}
    for m in measures:
        if m["clause"] in by_clause:
            raise DataError(m["_file"], "clause", m["clause"],
                            f"a clause not already used by {by_clause[m['clause']]}")
        by_clause[m["clause"]] = m["_file"]
    return sorted(measures, key=lambda m: m["clause"])


def _check_measure(m: Any, file: str, stem: str, ids: dict[str, set[str]]) -> None:
    allowed = {"id", "clause", "area", "title", "summary", "changes", "audiences", "sections",
               "sources", "related"}
    check_keys(m, allowed | {"search_boost"}, file, "")
    for key in sorted(allowed):
        require(m, key, file, "")
    # Optional: how far this page's search hits rank above other measures' (default 2).
    boost = check_type(m.setdefault("search_boost", 2), (int, float), file, "search_boost",
                       "a number from 1 to 10")
    if not 1 <= boost <= 10:
        raise DataError(file, "search_boost", boost, "a number from 1 to 10")
    if check_id(m["id"], file, "id") != stem:
        raise DataError(file, "id", m["id"], f"the file name '{stem}'")
    clause = check_type(m["clause"], int, file, "clause", f"a whole number 1..{MEASURE_COUNT}")
    if not 1 <= clause <= MEASURE_COUNT:
        raise DataError(file, "clause", clause, f"a whole number 1..{MEASURE_COUNT}")
    if m["area"] not in ids["area"]:
        raise DataError(file, "area", m["area"], f"an area id ({', '.join(sorted(ids['area']))})")
    check_text(m["title"], file, "title")
    check_text(m["summary"], file, "summary", **SUMMARY_LIMITS)
    for i, change in enumerate(check_list(m["changes"], file, "changes", min_len=1)):
        claims.split_claim(change, file, join("changes", i), required=True)  # force + cites
        claims.check_claimed_text(change, file, join("changes", i))
    check_refs(m["audiences"], ids["audience"], file, "audiences", "audience")
    check_list(m["sections"], file, "sections", min_len=1)
    check_unique(m["sections"], file, "sections")
    for i, sec in enumerate(m["sections"]):
        path = join("sections", i)
        check_keys(sec, {"id", "heading", "body", "charts"}, file, path)
        check_refs(sec.get("charts", []), ids["chart"], file, join(path, "charts"), "chart")
        sec_id = check_id(require(sec, "id", file, path), file, join(path, "id"))
        if sec_id in RESERVED_SECTION_IDS:
            raise DataError(file, join(path, "id"), sec_id,
                            f"an id other than the page's own anchors {sorted(RESERVED_SECTION_IDS)}")
        check_text(require(sec, "heading", file, path), file, join(path, "heading"))
        check_text(require(sec, "body", file, path), file, join(path, "body"))
    check_refs(m["sources"], ids["source"], file, "sources", "source")
    if not m["sources"] or m["sources"][0] != "anhui-opinions-2025":
        raise DataError(file, "sources[0]", m["sources"][:1], "'anhui-opinions-2025' first")
    check_list(m["related"], file, "related")


def _check_document(doc: Any, file: str, ids: dict[str, set[str]]) -> None:
    allowed = {"title", "short_title", "issuers", "number", "source", "last_reviewed", "intro",
               "targets", "service_goal", "highlights"}
    check_keys(doc, allowed, file, "")
    for key in ("title", "short_title", "issuers", "number"):
        check_text(require(doc, key, file, ""), file, key)
    if require(doc, "source", file, "") not in ids["source"]:
        raise DataError(file, "source", doc["source"], "a source id from data/sources.yml")
    reviewed = require(doc, "last_reviewed", file, "")
    check_type(reviewed, _dt.date, file, "last_reviewed", "a date like 2026-11-27")
    for i, item in enumerate(check_list(require(doc, "intro", file, ""), file, "intro", min_len=1)):
        check_text(item, file, join("intro", i))
    targets = check_list(require(doc, "targets", file, ""), file, "targets", min_len=4)
    check_unique(targets, file, "targets")
    for i, t in enumerate(targets):
        path = join("targets", i)
        check_keys(t, {"id", "percent", "by", "label"}, file, path)
        check_id(require(t, "id", file, path), file, join(path, "id"))
        pct = check_type(require(t, "percent", file, path), (int, float), file,
                         join(path, "percent"), "a percentage between 0 and 100")
        if not 0 < pct <= 100:
            raise DataError(file, join(path, "percent"), pct, "a percentage between 0 and 100")
        by = check_type(require(t, "by", file, path), int, file, join(path, "by"), "a year")
        if not 2025 <= by <= 2100:
            raise DataError(file, join(path, "by"), by, "a year 2025..2100 (the policy's targets)")
        check_text(require(t, "label", file, path), file, join(path, "label"))
    goal = require(doc, "service_goal", file, "")
    check_keys(goal, {"id", "by", "label"}, file, "service_goal")
    check_id(require(goal, "id", file, "service_goal"), file, "service_goal.id")
    by = check_type(require(goal, "by", file, "service_goal"), int, file, "service_goal.by", "a year")
    if not 2025 <= by <= 2100:
        raise DataError(file, "service_goal.by", by, "a year 2025..2100 (the policy's targets)")
    check_text(require(goal, "label", file, "service_goal"), file, "service_goal.label")
    highlights = check_list(require(doc, "highlights", file, ""), file, "highlights", min_len=6)
    check_unique(highlights, file, "highlights")
    for i, h in enumerate(highlights):
        path = join("highlights", i)
        check_keys(h, {"id", "text", "measures"}, file, path)
        check_id(require(h, "id", file, path), file, join(path, "id"))
        check_text(require(h, "text", file, path), file, join(path, "text"))
        check_refs(require(h, "measures", file, path), ids["measure"], file,
                   join(path, "measures"), "measure")


def load_ui(data_dir: str | Path, name: str = "ui.yml") -> dict:
    """Interface words (data/ui.yml, data/calculator_ui.yml): every value a bilingual text."""
    root = Path(data_dir).resolve()
    path = root / name
    file = rel_name(path, root)
    words = read_yaml(path, root)
    if not isinstance(words, dict):
        raise DataError(file, "(top level)", words, "a mapping of interface words")
    for key, value in words.items():
        check_text(value, file, key)
    return Words(file, words)


# --- Reader content (FAQ, glossary, guides) and rules data (examples, parameters) -----------

def _load_reader_content(site: SiteData, root: Path, ids: dict[str, set[str]]) -> None:
    reader_data.load_into(site, root, ids)


def _load_rules_data(site: SiteData, root: Path, ids: dict[str, set[str]]) -> None:
    rules_data.load_into(site, root, ids)
