"""data/policy.yml and the claims of the real data: every measure change has a force and cites,
coverage is complete, and each kind of bad edit stops the load (and the build) with a message
naming file, key and value."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_build

from hooks.load import site_data as sitedata
from hooks.load.claims import FORCES
from hooks.load.policy_data import load_policy
from hooks.load.schema import DataError

MEASURE = "measures/enrolment-and-contributions.yml"


def edit(data: Path, rel: str, change) -> None:
    path = data / rel
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


class _NoAliases(yaml.SafeDumper):
    """Writes a shared value out twice: the data loader refuses YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def error_of(data: Path) -> str:
    with pytest.raises(DataError) as info:
        sitedata.load(data)
    return str(info.value)


def all_units(policy: dict) -> list[dict]:
    units = list(policy["preamble"])
    for sec in policy["sections"]:
        units += sec.get("units", [])
        for cl in sec.get("clauses", []):
            units += cl["units"]
    return units


# --- The real data --------------------------------------------------------------------------

def test_every_measure_change_has_a_force_and_known_cites(site_data):
    units = site_data.policy["units"]
    for m in site_data.measures:
        for i, change in enumerate(m["changes"]):
            assert change["force"] in FORCES, (m["id"], i)
            assert change["cites"] and set(change["cites"]) <= set(units), (m["id"], i)


def test_coverage_is_complete(site_data):
    cov = site_data.coverage
    assert cov.total == len(site_data.policy["units"])
    assert set(cov.explained) | set(cov.skipped) == set(site_data.policy["units"])
    assert not set(cov.explained) & set(cov.skipped)
    for uid in cov.skipped:
        assert len(site_data.policy["units"][uid].skip.strip()) >= 20, uid  # a real reason


def test_every_clause_has_units_and_fifteen_clauses(site_data):
    assert sorted(site_data.policy["clause_units"]) == list(range(1, 16))
    assert all(site_data.policy["clause_units"][n] for n in range(1, 16))


# --- Refusals through the loader, on a copy of the real data --------------------------------

def test_a_cite_of_an_unknown_unit_stops_the_load(data_copy):
    edit(data_copy, MEASURE, lambda m: m["changes"][0].update(cites=["c4-99"]))
    msg = error_of(data_copy)
    assert msg.startswith(f"data/{MEASURE}: changes[0].cites[0]: expected a unit id from "
                          "data/policy.yml") and msg.endswith("got 'c4-99'")


def test_a_bad_force_stops_the_load(data_copy):
    edit(data_copy, MEASURE, lambda m: m["changes"][1].update(force="promise"))
    msg = error_of(data_copy)
    assert msg == (f"data/{MEASURE}: changes[1].force: expected one of rule, goal, encouraged, "
                   "explore, duty, got 'promise'")


def test_a_rule_citing_only_soft_wording_stops_the_load(data_copy):
    # Clause (1), sentence 2 encourages (鼓励) and supports (支持): it is no rule.
    edit(data_copy, "measures/basic-pension.yml", lambda m: m["changes"][0].update(force="rule"))
    msg = error_of(data_copy)
    assert msg.startswith("data/measures/basic-pension.yml: changes[0].force: expected goal, "
                          "encouraged, explore or duty, or a `reason:`")
    assert "鼓励" in msg and msg.endswith("got 'rule'")


def test_an_unexplained_unit_stops_the_load(data_copy):
    def drop_skip(policy):
        unit = next(u for u in all_units(policy) if "skip" in u)
        unit.pop("skip")
        drop_skip.id = unit["id"]
    edit(data_copy, "policy.yml", drop_skip)
    msg = error_of(data_copy)
    assert msg.startswith("data/policy.yml: ") and ".skip: expected a claim citing unit " \
        f"{drop_skip.id}" in msg and msg.endswith("got None")


def test_a_skip_on_an_explained_unit_stops_the_load(data_copy):
    def skip_cited(policy):
        unit = next(u for u in all_units(policy) if u["id"] == "c4-2")
        unit["skip"] = "nothing to say"
    edit(data_copy, "policy.yml", skip_cited)
    msg = error_of(data_copy)
    assert ".skip: expected no skip: unit c4-2 is explained by data/measures/" in msg
    assert msg.endswith("got 'nothing to say'")


def test_a_guide_step_claim_is_checked_too(data_copy):
    edit(data_copy, "guides/employees.yml",
         lambda g: g["steps"][0].update(force="duty", cites=["x-1"]))
    msg = error_of(data_copy)
    assert msg.startswith("data/guides/employees.yml: steps[0].cites[0]: expected a unit id")


def test_the_build_stops_and_writes_nothing(project_copy, tmp_path):
    edit(project_copy / "data", MEASURE, lambda m: m["changes"][0].update(cites=["c4-99"]))
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    assert result.returncode != 0
    assert f"data/{MEASURE}: changes[0].cites[0]" in result.stdout + result.stderr
    assert "'c4-99'" in result.stdout + result.stderr
    assert not (site / "index.html").exists()


def test_the_build_log_prints_the_coverage(built_site, site_data):
    log = (built_site.parent / "build.log").read_text(encoding="utf-8")
    assert site_data.coverage.line() in log
    assert log.count("policy coverage:") == 1      # once, not once per language


# --- The structure of data/policy.yml, on a stub of our own ---------------------------------

def stub() -> dict:
    def units(prefix, n=1):
        return [{"id": f"{prefix}-{i}", "zh": f"第{i}句。", "en": f"Sentence {i}."}
                for i in range(1, n + 1)]
    sections = [{"id": "s1", "number": 1, "heading": {"zh": "总体要求", "en": "General"},
                 "units": units("s1")},
                {"id": "s2", "number": 2, "heading": {"zh": "目标任务", "en": "Aims"},
                 "units": units("s2", 2)}]
    clause = 0
    for s, count in zip(range(3, 8), (3, 3, 3, 3, 3), strict=True):
        clauses = []
        for _ in range(count):
            clause += 1
            clauses.append({"id": f"c{clause}", "number": clause,
                            "heading": {"zh": "标题", "en": "Heading"}, "units": units(f"c{clause}")})
        sections.append({"id": f"s{s}", "number": s, "heading": {"zh": "部分", "en": "Part"},
                         "clauses": clauses})
    return {"source": "src", "title": {"zh": "意见", "en": "Opinions"},
            "preamble": units("p"), "sections": sections}


def test_the_stub_loads():
    policy = load_policy(stub(), "data/policy.yml", {"src"})
    assert len(policy["units"]) == 1 + 1 + 2 + 15
    assert [u.id for u in policy["clause_units"][4]] == ["c4-1"]


@pytest.mark.parametrize(("change", "expected"), [
    (lambda d: d["sections"][2]["clauses"][0]["units"].append(
        {"id": "s1-1", "zh": "重复。", "en": "Again."}),
     "data/policy.yml: sections[2].clauses[0].units[1].id: expected a unit id not used before, "
     "got 's1-1'"),
    (lambda d: d["sections"][6]["clauses"].pop(),
     "data/policy.yml: sections: expected 15 clauses"),
    (lambda d: d["sections"][2]["clauses"][1].update(id="c7"),
     "data/policy.yml: sections[2].clauses[1].id: expected 'c2', got 'c7'"),
    (lambda d: d["preamble"][0].update(skip=""),
     "data/policy.yml: preamble[0].skip: expected a non-empty reason"),
    (lambda d: d.update(source="nowhere"),
     "data/policy.yml: source: expected a source id from data/sources.yml, got 'nowhere'"),
    (lambda d: d["sections"][0]["units"][0].pop("en"),
     "data/policy.yml: sections[0].units[0].en: expected this key to be present"),
])
def test_bad_structure_is_refused(change, expected):
    doc = stub()
    change(doc)
    with pytest.raises(DataError) as info:
        load_policy(doc, "data/policy.yml", {"src"})
    assert str(info.value).startswith(expected)
