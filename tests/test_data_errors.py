"""Bad data stops the build with a message naming the file, the key path, the value and what was
expected; and a broken build leaves no site behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sitedata
import yaml
from conftest import DATA, run_build
from schema import DataError

MEASURE = "measures/enrolment-and-contributions.yml"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


class _NoAliases(yaml.SafeDumper):
    """Writes a shared value out twice: the data loader refuses YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def edit(data: Path, rel: str, change) -> None:
    path = data / rel
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False,
                              width=10_000), encoding="utf-8")


def error_of(data: Path) -> str:
    with pytest.raises(DataError) as info:
        sitedata.load(data)
    return str(info.value)


def test_missing_language(data_copy):
    edit(data_copy, MEASURE, lambda m: m["title"].pop("en"))
    msg = error_of(data_copy)
    assert "data/measures/enrolment-and-contributions.yml" in msg
    assert "title.en" in msg and "non-empty en text" in msg


def test_unknown_id_in_a_cross_reference(data_copy):
    edit(data_copy, MEASURE, lambda m: m["related"].append("no-such-measure"))
    msg = error_of(data_copy)
    assert "enrolment-and-contributions.yml: related[" in msg
    assert "'no-such-measure'" in msg and "known other measure id" in msg


def test_unknown_audience_tag(data_copy):
    edit(data_copy, MEASURE, lambda m: m["audiences"].append("astronauts"))
    msg = error_of(data_copy)
    assert "audiences[" in msg and "'astronauts'" in msg and "audience id" in msg


def test_duplicate_id(data_copy):
    def duplicate(m):
        m["sections"].append(dict(m["sections"][0]))

    edit(data_copy, MEASURE, duplicate)
    msg = error_of(data_copy)
    assert "sections[" in msg and "].id" in msg and "unique id (duplicate)" in msg


def test_duplicate_clause(data_copy):
    edit(data_copy, "measures/basic-pension.yml", lambda m: m.update(clause=4))
    msg = error_of(data_copy)
    assert "clause" in msg and "4" in msg and "not already used" in msg


def test_wrong_type(data_copy):
    edit(data_copy, MEASURE, lambda m: m.update(clause="four"))
    msg = error_of(data_copy)
    assert "enrolment-and-contributions.yml: clause" in msg and "'four'" in msg
    assert "whole number 1..15" in msg


def test_summary_over_its_length_limit(data_copy):
    edit(data_copy, MEASURE, lambda m: m["summary"].update(zh="很长" * 21))
    msg = error_of(data_copy)
    assert "summary.zh" in msg and "at most 40 Chinese characters (found 42)" in msg


def test_english_summary_over_25_words(data_copy):
    edit(data_copy, MEASURE, lambda m: m["summary"].update(en="word " * 26))
    assert "at most 25 English words (found 26)" in error_of(data_copy)


def test_yaml_syntax_error_names_its_line(data_copy):
    path = data_copy / MEASURE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "title: {zh: 谁可以参保？, en: [broken")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    msg = error_of(data_copy)
    assert "data/measures/enrolment-and-contributions.yml" in msg
    assert "line " in msg and "valid YAML" in msg


def test_a_key_written_twice(data_copy):
    path = data_copy / MEASURE
    path.write_text(path.read_text(encoding="utf-8") + "clause: 4\n", encoding="utf-8")
    msg = error_of(data_copy)
    assert "'clause' appears twice" in msg and "line " in msg


def test_unknown_key_is_refused(data_copy):
    edit(data_copy, MEASURE, lambda m: m.update(summery=m["summary"]))
    assert "summery: expected one of the known keys" in error_of(data_copy)


def test_missing_measure_file(data_copy):
    (data_copy / "measures/outreach.yml").unlink()
    msg = error_of(data_copy)
    assert "data/measures" in msg and "15 measure files" in msg


def test_bad_build_stops_and_writes_nothing(project_copy, tmp_path):
    project = project_copy
    edit(project / "data", MEASURE, lambda m: m["summary"].pop("zh"))
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode != 0
    assert "data/measures/enrolment-and-contributions.yml: summary.zh" in result.stdout + result.stderr
    assert not site.exists()
    assert not (project / "docs" / "measures").exists()


def test_faq_id_colliding_with_a_section_anchor(data_copy):
    def collide(doc):
        q = next(q for q in doc["faq"] if q["measure"] == "enrolment-and-contributions")
        q["id"] = "leaving-a-job-mid-year"

    edit(data_copy, "faq.yml", collide)
    msg = error_of(data_copy)
    assert "data/faq.yml: faq[" in msg and "'leaving-a-job-mid-year'" in msg
    assert "not already used as an anchor on measures/enrolment-and-contributions" in msg


def test_example_input_without_a_name(data_copy):
    edit(data_copy, "example_words.yml", lambda d: d["inputs"].pop("wage"))
    msg = error_of(data_copy)
    assert "data/examples.yml: examples[" in msg and "].input.wage" in msg
    assert "data/example_words.yml names under inputs" in msg


def test_example_words_bare_yes_key(data_copy):
    # YAML 1.1 reads a bare `yes:` key as true: say so rather than fail later with a KeyError.
    path = data_copy / "example_words.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer_yes:", "yes:"), encoding="utf-8")
    assert "data/example_words.yml: labels.True: expected a name in quotes" in error_of(data_copy)


def test_working_step_without_words_stops_the_build(project_copy, tmp_path):
    edit(project_copy / "data", "example_words.yml", lambda d: d["steps"].pop("quarterly"))
    site = tmp_path / "site"
    result = run_build(project_copy, site)
    assert result.returncode != 0
    assert "data/example_words.yml: steps.quarterly: expected words for the working step" \
        in result.stdout + result.stderr
    assert not site.exists()
