"""The open data files (/data/parameters.json, /data/measures.json, /data/vectors.json), read from
a real build: at their stable addresses, valid JSON with the documented keys, documented field by
field on /open-data/ in both languages, byte-identical across two builds, and every case of
/data/vectors.json passes through the command line (Python rules) and the browser rules (node)."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from browser import PHONE
from bs4 import BeautifulSoup
from cli_run import output_lines
from conftest import ROOT, run_build

from hooks.events import fingerprint
from hooks.load import open_data_files
from hooks.load.schema import DataError
from hooks.load.yaml_file import read_yaml
from hooks.render import open_data

FILES = ("parameters", "measures", "vectors")
DOC = read_yaml(ROOT / "data" / "open_data.yml", ROOT / "data")
REVIEWED = read_yaml(ROOT / "data" / "document.yml", ROOT / "data")["last_reviewed"].isoformat()
RUNNER = ROOT / "tests" / "js" / "run.mjs"
NODE = shutil.which("node") or "node"


def load(site, name: str) -> dict:
    return json.loads((site / "data" / f"{name}.json").read_text(encoding="utf-8"))


def matches(got: object, want: object, path: str = "") -> list[str]:
    """Where `got` differs from `want`: every expected key present and equal, money to the fen."""
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{path}: {got!r} is not an object"]
        return [d for key, value in want.items()
                for d in ([f"{path}.{key} missing"] if key not in got
                          else matches(got[key], value, f"{path}.{key}"))]
    if isinstance(want, int | float) and not isinstance(want, bool):
        ok = isinstance(got, int | float) and not isinstance(got, bool) and round(got, 2) == round(want, 2)
        return [] if ok else [f"{path}: {got!r} != {want!r}"]
    return [] if got == want else [f"{path}: {got!r} != {want!r}"]


def test_files_are_at_stable_addresses_with_version_date_and_page(built_site):
    for name in FILES:
        doc = load(built_site, name)
        assert doc["version"] == DOC["version"] >= 1
        assert doc["generated"] == REVIEWED   # the data's date, never the build machine's clock
        assert doc["site"]["zh"].endswith(f"/open-data/#{name}")
        assert doc["site"]["en"].endswith(f"/en/open-data/#{name}")
        assert not list((built_site / "data").glob(f"{name}.*.json")), "never fingerprinted"
    assert {p.name for p in (built_site / "data").iterdir()} == {f"{n}.json" for n in FILES}
    for lang in ("", "en/"):
        page = BeautifulSoup((built_site / lang / "open-data" / "index.html").read_text(encoding="utf-8"),
                             "lxml")
        for name in FILES:   # the page's own links reach the files, from either language
            assert page.select_one(f'article a[href$="data/{name}.json"]'), (lang, name)
            assert page.select_one(f"article h2#{name}"), (lang, name)


def test_the_files_hold_the_data(built_site, site_data):
    params = load(built_site, "parameters")["parameters"]
    assert [p["name"] for p in params] == site_data.params.names()
    limits = next(p for p in params if p["name"] == "contribution_base_limits")
    year = next(v for v in limits["values"] if v["key"] == "2025")
    assert year["value"] == dict(site_data.params.get("contribution_base_limits", 2025).value)
    assert year["source"]["id"] == "anhui-base-limits-2025" and year["source"]["url"].startswith("http")
    assert year["verified"] is False and year["confidence"] in {"high", "medium", "low"}
    table = next(p for p in params if p["name"] == "payment_months_table")
    assert table["disputed_ages"] == [47] and table["values"][0]["note"]["en"]
    measures = load(built_site, "measures")["measures"]
    assert [m["clause"] for m in measures] == list(range(1, 16))
    change = measures[3]["changes"][0]
    assert change["force"] in {"rule", "goal", "encouraged", "explore", "duty"}
    cite = change["cites"][0]
    assert cite["page"]["en"].endswith(f"/en/policy/#{cite['unit']}") and cite["text"]["zh"]
    assert measures[3]["page"]["zh"].endswith(f"/measures/{measures[3]['id']}/")
    vectors = load(built_site, "vectors")
    public = json.loads((ROOT / "tests" / "vectors" / "public.json").read_text(encoding="utf-8"))
    given = [c for c in vectors["cases"] if c["origin"] == "public-vector"]
    assert [(c["rule"], c["input"], c["expected"]) for c in given] == \
        [(c["rule"], c["input"], c["output"]) for c in public]
    examples = [c for c in vectors["cases"] if c["origin"] == "worked-example"]
    assert [c["id"] for c in examples] == [e["id"] for e in site_data.examples if e["rule"] != "none"]
    assert len({c["id"] for c in vectors["cases"]}) == len(vectors["cases"])


def test_every_field_is_documented_on_the_page_and_every_documented_field_exists(built_site):
    """The fields listed on /open-data/ (each language) are exactly those the files hold."""
    for lang in ("", "en/"):
        page = BeautifulSoup((built_site / lang / "open-data" / "index.html").read_text(encoding="utf-8"),
                             "lxml")
        common = _listed(page, "common")
        assert common == {"version", "generated", "site"}
        for name in FILES:
            held = open_data.field_paths(load(built_site, name))
            assert held >= common
            assert _listed(page, name) == held - common, (lang, name)


def _listed(page, section: str) -> set[str]:
    """The field names in the first column of the table under heading #section."""
    table = page.select_one(f"h2#{section}").find_next("table")
    return {row.select_one("td code").get_text() for row in table.select("tbody tr")}


def test_field_paths_see_every_key():
    doc = {"version": 1, "cases": [{"id": "a", "input": {"x": 1}, "page": {"zh": "z", "en": "e"}},
                                   {"id": "b", "extra": None}]}
    assert open_data.field_paths(doc) == {"version", "cases", "cases[].id", "cases[].input",
                                          "cases[].page", "cases[].extra"}


def test_an_undocumented_or_missing_field_stops_the_build(site_data):
    made = open_data.documents(site_data, "https://example.org/")
    open_data.check_documented(site_data, made)
    extra = copy.deepcopy(made)
    extra["measures"]["measures"][0]["colour"] = "red"
    with pytest.raises(DataError, match=r"data/open_data\.yml: files\.measures: .*measures\[\]\.colour"):
        open_data.check_documented(site_data, extra)
    fewer = copy.deepcopy(made)
    for case in fewer["vectors"]["cases"]:
        del case["calculator"]
    with pytest.raises(DataError, match=r"not in it\), got \[.cases\[\]\.calculator.\]"):
        open_data.check_documented(site_data, fewer)


def test_missing_public_vectors_are_named(tmp_path):
    with pytest.raises(DataError, match=r"tests/vectors/public\.json: \(file\)"):
        open_data_files.load_public_vectors(tmp_path)
    (tmp_path / "tests" / "vectors").mkdir(parents=True)
    (tmp_path / "tests" / "vectors" / "public.json").write_text('[{"rule": "no-such-rule", '
                                                               '"input": {}, "output": {}}]')
    with pytest.raises(DataError, match=r"\[0\]\.rule: expected a rule of pension/rules\.py .*got 'no-such-rule'"):
        open_data_files.load_public_vectors(tmp_path)


def test_every_case_passes_on_the_command_line(built_site):
    """As the page tells readers: `python -m pension calc RULE --input JSON --working`
    (tests/cli_run.py); --working adds the extra answers some worked examples expect."""
    cases = load(built_site, "vectors")["cases"]
    assert len(cases) >= 30
    wrong = []
    for case in cases:
        code, lines = output_lines("calc", case["rule"], "--input", json.dumps(case["input"]),
                                   "--working")
        got = json.loads(lines[-1])
        assert code == (2 if "error" in case["expected"] else 0), (case["id"], got)
        wrong += [f"{case['id']}{d}" for d in matches(got, case["expected"])]
    assert not wrong, wrong


def test_every_case_the_browser_runs_passes_there(built_site):
    """The browser rules (core.js through tests/js/run.mjs) with the parameters file the built
    calculators load, on every case whose rule the browser has."""
    browser_rules = json.loads(subprocess.run([NODE, str(RUNNER), "--rules"], capture_output=True,
                                              text=True, check=True, timeout=60).stdout)
    params = sorted((built_site / "assets" / "generated").glob("parameters.*.json"))
    assert len(params) == 1
    cases = [c for c in load(built_site, "vectors")["cases"] if c["rule"] in browser_rules]
    assert len(cases) >= 25
    done = subprocess.run([NODE, str(RUNNER), str(params[0])], capture_output=True, text=True,
                          check=True, timeout=300,
                          input=json.dumps([{"rule": c["rule"], "input": c["input"]} for c in cases]))
    wrong = []
    for case, got in zip(cases, json.loads(done.stdout), strict=True):
        shown = {**got["outputs"], **got["extras"]} if "outputs" in got else got
        wrong += [f"{case['id']}{d}" for d in matches(shown, case["expected"])]
    assert not wrong, wrong


def test_a_wrong_expected_value_is_caught():
    assert matches({"monthly": 862.2, "x": {"y": "a"}}, {"monthly": 862.20, "x": {"y": "a"}}) == []
    assert matches({"monthly": 862.21}, {"monthly": 862.20})
    assert matches({"error": "bad_year"}, {"error": "year_out_of_range"})
    assert matches({}, {"monthly": 1})


def test_two_builds_give_byte_identical_files(built_site, tmp_path):
    again = tmp_path / "site"
    result = run_build(ROOT, again)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in FILES:
        assert (again / "data" / f"{name}.json").read_bytes() == \
            (built_site / "data" / f"{name}.json").read_bytes(), name


def test_fingerprinting_never_renames_the_open_data(tmp_path, monkeypatch):
    """Even if the fingerprinted patterns are widened to every JSON file."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "vectors.json").write_text("{}")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.json").write_text("{}")
    monkeypatch.setattr(fingerprint, "OURS", ["**/*.json"])
    renamed = fingerprint.fingerprint(tmp_path)
    assert list(renamed) == ["assets/x.json"]
    assert (tmp_path / "data" / "vectors.json").exists()


def test_each_case_on_the_page_links_the_calculator_the_file_names(built_site):
    """The page's "open it in the calculator" link of a case is the file's `calculator` address,
    and that calculator page exists; a case without one says so."""
    cases = load(built_site, "vectors")["cases"]
    assert sum(bool(c["calculator"]) for c in cases) >= 15
    for lang in ("zh", "en"):
        folder = built_site / ("en" if lang == "en" else "") / "open-data"
        page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "lxml")
        items = page.select_one("h3#cases").find_next("ul").find_all("li", recursive=False)
        assert [li.code.get_text() for li in items] == [c["id"] for c in cases]
        for li, case in zip(items, cases, strict=True):
            link = li.find("a")
            assert li.pre.get_text().strip().endswith(
                f"calc {case['rule']} --input '{json.dumps(case['input'], separators=(',', ':'))}' --working")
            if case["calculator"] is None:
                assert link is None, case["id"]
                continue
            want = urlsplit(case["calculator"][lang])
            got = urlsplit(link["href"])
            assert got.query == want.query, case["id"]
            target = (folder / got.path).resolve()
            assert (target / "index.html").exists(), (case["id"], link["href"])
            assert want.path.endswith("/" + target.relative_to(built_site.resolve()).as_posix() + "/")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "/en"])
def test_the_page_fits_a_phone_screen(page, lang):
    page.goto(f"{page.base}{lang}/open-data/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def test_the_page_counts_what_is_not_verified_from_the_files(built_site):
    values = [v for p in load(built_site, "parameters")["parameters"] for v in p["values"]]
    unverified = sum(not v["verified"] for v in values)
    low = sum(v["confidence"] == "low" for v in values)
    page = BeautifulSoup((built_site / "en" / "open-data" / "index.html").read_text(encoding="utf-8"),
                         "lxml")
    items = [li.get_text(" ", strip=True)
             for li in page.select_one("h2#not-verified").find_next("ul").select("li")]
    assert items[0].startswith(f"Parameter values: {unverified} of {len(values)} ")
    assert items[2].startswith(f"Low confidence: {low} of {len(values)} ")
    assert any(item.startswith("payment_months_table") and "207" in item for item in items)


def test_a_file_list_out_of_order_is_named(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "open_data.yml").write_text(
        (ROOT / "data" / "open_data.yml").read_text(encoding="utf-8")
        .replace("  - id: parameters\n", "  - id: parameterz\n"), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/open_data\.yml: files: expected the files "
                                        r"\['parameters', 'measures', 'vectors'\], in this order"):
        open_data_files.load_into(type("Site", (), {})(), tmp_path / "data")
