"""The open data files (/data/parameters.json, /data/measures.json, /data/vectors.json) as plain
dicts, made from SiteData only, and the Markdown that documents them on /open-data/.

Pure: no I/O, no clock. `generated` is the data's review date (data/document.yml last_reviewed),
so the same data always gives byte-identical files (hooks/events/generate_pages.py writes them).
Every field a file holds must be documented in data/open_data.yml and every documented field must
be in the file: `check_documented` stops the build otherwise, so the page cannot drift."""

from __future__ import annotations

import json
from typing import Any

from hooks.load.languages import LANGS, url_prefix
from hooks.load.schema import DataError
from hooks.render.examples import calculator_link
from hooks.render.policy import POLICY_DIR
from hooks.render.textfmt import labelled, t, ui
from pension.working import jsonable

PAGE = "open-data/"
FOLDER = "data"   # served at /data/<id>.json: a stable address, never fingerprinted
# Fields whose content is data, not layout: a value, a rule's input and its expected outputs can
# hold any keys, so the documentation stops at them. A {zh, en} text is one field too.
WHOLE = {"parameters[].values[].value", "cases[].input", "cases[].expected"}
EXAMPLES_FILE = "data/examples.yml"


def address(site_url: str, path: str) -> dict[str, str]:
    """The absolute address of a page in each language: the files are read away from the site."""
    base = site_url.rstrip("/")
    return {lang: f"{base}{url_prefix(lang)}/{path}" for lang in LANGS}


def documents(site, site_url: str) -> dict[str, dict]:
    """{file id: the file's content}, in data/open_data.yml's order."""
    made = {"parameters": {"parameters": _parameters(site)},
            "measures": {"measures": _measures(site, site_url)},
            "vectors": _vectors(site, site_url)}
    out = {}
    for spec in site.open_data["files"]:
        head = {"version": site.open_data["version"],
                "generated": site.document["last_reviewed"].isoformat(),
                "site": address(site_url, f"{PAGE}#{spec['id']}")}
        out[spec["id"]] = head | made[spec["id"]]
    return out


def to_json(doc: dict) -> str:
    """Readable, stable text: keys in the order made, two-space indent, UTF-8 characters kept."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _parameters(site) -> list[dict]:
    params = site.params
    out = []
    for name in params.names():
        spec = params.spec(name)
        out.append({
            "name": name,
            "description": _text(spec["description"]),
            "unit": spec["unit"],
            "keyed_by": spec["keyed_by"],
            "latest_applies": spec["latest_applies"],
            "disputed_ages": list(spec.get("disputed_ages", [])),
            "values": [{"key": str(key),
                        "value": jsonable(entry["value"]),
                        "source": _source(site, entry["source"]),
                        "reference": _text(entry.get("reference")),
                        "confidence": entry["confidence"],
                        "verified": entry["verified"],
                        "note": _text(entry.get("note"))}
                       for key, entry in spec["values"].items()],
        })
    return out


def _source(site, source_id: str) -> dict:
    src = site.sources[source_id]
    return {"id": source_id, "title": _text(src["title"]), "number": _text(src.get("number")),
            "url": src["url"]}


def _text(text: dict | None) -> dict | None:
    return None if text is None else {lang: text[lang].strip() for lang in LANGS}


def _measures(site, site_url: str) -> list[dict]:
    units = site.policy["units"]
    out = []
    for m in site.measures:
        area = site.area(m["area"])
        out.append({
            "id": m["id"],
            "clause": m["clause"],
            "area": {"id": area["id"], "title": _text(area["title"])},
            "title": _text(m["title"]),
            "summary": _text(m["summary"]),
            "page": address(site_url, f"measures/{m['id']}/"),
            "changes": [{"text": _text(change),
                         "force": change["force"],
                         "cites": [{"unit": unit,
                                    "page": address(site_url, f"{POLICY_DIR}/#{unit}"),
                                    "text": {"zh": units[unit].zh, "en": units[unit].en}}
                                   for unit in change["cites"]]}
                        for change in m["changes"]],
        })
    return out


def _vectors(site, site_url: str) -> dict:
    public = site.public_vectors
    cases = []
    for i, case in enumerate(public["cases"], 1):   # unpadded: ids stay when cases are added
        cases.append({"id": f"public-{i}", "rule": case["rule"], "input": case["input"],
                      "expected": case["output"], "origin": "public-vector", "page": None,
                      "calculator": _calculator(site, site_url, case)})
    for ex in site.examples:
        if ex.get("rule") in (None, "none"):
            continue
        cases.append({"id": ex["id"], "rule": ex["rule"], "input": jsonable(ex["input"]),
                      "expected": jsonable(ex["expected"]), "origin": "worked-example",
                      "page": address(site_url, f"measures/{ex['measure']}/#example-{ex['id']}"),
                      "calculator": _calculator(site, site_url, ex)})
    origins = [{"kind": "public-vector", "file": public["file"], "sha256": public["sha256"]},
               {"kind": "worked-example", "file": EXAMPLES_FILE, "sha256": None}]
    return {"origins": origins, "cases": cases}


def _calculator(site, site_url: str, case: dict) -> dict | None:
    found = calculator_link(case, site.calculators)
    if found is None:
        return None
    return address(site_url, f"calculators/{found[0]}/?{found[1]}")


# --- The fields, held to their documentation --------------------------------------------------

def field_paths(value: Any, path: str = "") -> set[str]:
    """Every field of a file as a path: `a.b` is key b in a, `a[]` an item of list a."""
    if path in WHOLE or _is_text(value):
        return set()
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            sub = f"{path}.{key}" if path else key
            found |= {sub} | field_paths(item, sub)
    elif isinstance(value, list):
        for item in value:
            found |= field_paths(item, f"{path}[]")
    return found


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGS)


def documented(site, file_id: str) -> list[dict]:
    """The documented fields of one file: the common ones first."""
    spec = next(f for f in site.open_data["files"] if f["id"] == file_id)
    return site.open_data["common"] + spec["fields"]


def check_documented(site, docs: dict[str, dict]) -> None:
    for file_id, doc in docs.items():
        held = field_paths(doc)
        listed = {f["field"] for f in documented(site, file_id)}
        if held - listed:
            raise DataError("data/open_data.yml", f"files.{file_id}", sorted(held - listed),
                            f"every field of /{FOLDER}/{file_id}.json documented (these are not)")
        if listed - held:
            raise DataError("data/open_data.yml", f"files.{file_id}", sorted(listed - held),
                            f"only fields /{FOLDER}/{file_id}.json holds (these are not in it)")


# --- Markers on docs/open-data.md ---------------------------------------------------------------

def _table(site, lang: str, fields: list[dict]) -> str:
    head = f"| {ui(site.ui, 'open_data_field', lang)} | {ui(site.ui, 'open_data_meaning', lang)} |"
    rows = [f"| `{f['field']}` | {t(f['about'], lang)} |" for f in fields]
    return "\n".join([head, "|---|---|", *rows]) + "\n"


def _file_table(file_id: str):
    def render(site, lang: str) -> str:
        return _table(site, lang, next(f for f in site.open_data["files"]
                                       if f["id"] == file_id)["fields"])
    return render


def _unverified(site, lang: str) -> str:
    """What is not verified yet, counted from the data (the counts change when the data does)."""
    values = [v for name in site.params.names() for v in site.params.spec(name)["values"].values()]
    lines = [
        ui(site.ui, "open_data_unverified_values", lang,
           n=sum(not v["verified"] for v in values), t=len(values)),
        ui(site.ui, "open_data_unverified_sources", lang,
           n=sum(not s["verified"] for s in site.sources.values()), t=len(site.sources)),
        ui(site.ui, "open_data_low_confidence", lang,
           n=sum(v["confidence"] == "low" for v in values), t=len(values)),
    ]
    for name in site.params.names():
        spec = site.params.spec(name)
        if spec.get("disputed_ages") and spec.get("note"):
            lines.append(labelled(site.ui, f"`{name}`", t(spec["note"], lang), lang))
    return "\n".join(f"- {line}" for line in lines) + "\n"


def _cases(site, lang: str) -> str:
    """Every case of /data/vectors.json with its command line and, where one fits, a link that
    opens the calculator filled in (relative, so it works on a mirror or preview address too)."""
    lines = []
    for case in _vectors(site, "/")["cases"]:
        given = json.dumps(case["input"], ensure_ascii=False, separators=(",", ":"))
        found = calculator_link(case, site.calculators)
        where = (f"[{ui(site.ui, 'open_data_open_case', lang)}](calculators/{found[0]}.md?{found[1]})"
                 if found else ui(site.ui, "open_data_no_calculator", lang))
        lines += [f"- `{case['id']}`: {where}", "",
                  "    ```sh", f"    .venv/bin/python -m pension calc {case['rule']} --input '{given}' --working",
                  "    ```", ""]
    return "\n".join(lines)


RENDERERS = {
    "open-data-common": lambda site, lang: _table(site, lang, site.open_data["common"]),
    "open-data-parameters": _file_table("parameters"),
    "open-data-measures": _file_table("measures"),
    "open-data-vectors": _file_table("vectors"),
    "open-data-unverified": _unverified,
    "open-data-cases": _cases,
}
