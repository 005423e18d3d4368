"""Bad data stops the build with a message naming the file, the key path, the value and what was
expected; and a broken build leaves no site behind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import run_build

from hooks.load import site_data as sitedata
from hooks.load.schema import DataError

MEASURE = "measures/enrolment-and-contributions.yml"


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


# --- One case per kind of bad data: the message names the file, the key path, the value and
# what was expected. sitedata.load is the build's own first step (hooks/generate.on_config).

def raw(data: Path, rel: str, change) -> None:
    """Edit a data file as text (for what a YAML round trip cannot write: BOM, tab, alias…)."""
    path = data / rel
    path.write_bytes(change(path.read_bytes()))


def param(name, key, value):
    def change(doc):
        doc["parameters"][name]["values"][key] = value
    return change


def set_path(*keys_and_value):
    *keys, value = keys_and_value

    def change(doc):
        target = doc
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return change


def first_example(**changes):
    def change(doc):
        doc["examples"][0].update(changes)
    return change


def faq_answer_en(text):
    return set_path("faq", 0, "answer", "en", text)


def measure_body_en(text):
    return set_path("sections", 0, "body", "en", text)


P = "parameters.yml"
KINDS = {
    # --- whole files and YAML ---
    "empty file": (raw, "faq.yml", lambda b: b"",
                   ["data/faq.yml: (top level)", "a mapping of keys at the top level", "empty file"]),
    "file is a list": (raw, "glossary.yml", lambda b: b"- a\n- b\n",
                       ["data/glossary.yml: (top level)", "a mapping of keys at the top level",
                        "got ['a', 'b']"]),
    "byte-order mark": (raw, "areas.yml", lambda b: b"\xef\xbb\xbf" + b,
                        ["data/areas.yml: (line 1)", "without a byte-order mark"]),
    "tab": (raw, "audiences.yml", lambda b: b.replace(b"\n", b"\n\t", 1).replace(b"\t", b"  ")
            .replace(b"# ", b"#\t", 1),
            ["data/audiences.yml: (line 1)", "spaces, not a tab character", "got '#\\t"]),
    "YAML anchor and alias": (raw, MEASURE, lambda b: b.replace(b"audiences:", b"audiences: &a")
                              .replace(b"related:", b"related: *a\nx_related:"),
                              ["data/measures/enrolment-and-contributions.yml: (line",
                               "an anchor (&name) or alias (*name)", "got 'audiences: &a ["]),
    "NaN": (raw, P, lambda b: b.replace(b'"2019-05-01": 0.16', b'"2019-05-01": .nan'),
            ["data/parameters.yml: parameters.employer_rate.values.2019-05-01", "nan",
             "a finite number"]),
    "Infinity": (raw, P, lambda b: b.replace(b"2025: 180", b"2025: .inf"),
                 ["data/parameters.yml: parameters.min_contribution_months.values.2025", "inf",
                  "a finite number"]),
    # --- parameters ---
    "rate written 20%": (edit, P, param("flexible_rate", "2006-01-01", "20%"),
                         ["parameters.flexible_rate.values.2006-01-01", "'20%'",
                          "a rate as a fraction from 0 to 1 (0.2 for 20 %)"]),
    "null value": (edit, P, param("employer_rate", "2019-05-01", None),
                   ["parameters.employer_rate.values.2019-05-01", "got None", "a rate as a fraction"]),
    "negative rate": (edit, P, param("employee_rate", "2006-01-01", -0.08),
                      ["parameters.employee_rate.values.2006-01-01", "-0.08", "not negative"]),
    "rate above 1": (edit, P, param("employer_rate", "2019-05-01", 16),
                     ["parameters.employer_rate.values.2019-05-01", "got 16", "from 0 to 1"]),
    "lower limit above upper": (
        edit, P, param("contribution_base_limits", 2025,
                       {"value": {"lower": 30000, "upper": 21556}, "source": "anhui-base-limits-2025"}),
        ["parameters.contribution_base_limits.values.2025.value.lower", "30000",
         "lower at most upper (21556)"]),
    "step of 0": (edit, P, lambda d: d["parameters"]["retirement_schedule"]["values"]["2025-01-01"]
                  ["male"].update(step_months=0),
                  ["parameters.retirement_schedule.values.2025-01-01.male.step_months", "got 0",
                   "a number above 0"]),
    "unknown unit": (edit, P, lambda d: d["parameters"]["employer_rate"].update(unit="percents"),
                     ["parameters.employer_rate.unit", "'percents'", "one of the units"]),
    "unknown source id": (edit, P, lambda d: d["parameters"]["employer_rate"].update(source="nope"),
                          ["parameters.employer_rate.values.2019-05-01.source", "'nope'",
                           "a source id from data/sources.yml"]),
    "date that is not a date": (edit, P, param("employer_rate", "2025-02-30", 0.16),
                                ["parameters.employer_rate.values.2025-02-30", "'2025-02-30'",
                                 "a date like \"2025-01-01\""]),
    "year out of range": (edit, P, param("min_contribution_months", 3025, 180),
                          ["parameters.min_contribution_months.values.3025", "3025",
                           "a year 1990..2100"]),
    "month text that is not a month": (
        edit, P, param("account_start", "2006-01-01", "1996-13"),
        ["parameters.account_start.values.2006-01-01", "'1996-13'", "a month \"YYYY-MM\""]),
    # --- worked examples ---
    "example names an unknown rule": (edit, "examples.yml", first_example(rule="flexible-contrib"),
                                      ["data/examples.yml: examples[0].rule", "'flexible-contrib'",
                                       "a rule of pension/rules.py"]),
    "expected value off by one fen": (
        edit, "examples.yml", lambda d: d["examples"][0]["expected"].update(monthly=862.21),
        ["data/examples.yml: examples[0].expected.monthly", "got 862.21", "as the rules compute it"]),
    "example input the rule refuses": (
        edit, "examples.yml", first_example(input={"year": 2025, "base": "lots"}),
        ["data/examples.yml: examples[0].input", "'lots'", "an input the rule flexible-contribution accepts"]),
    # --- interface words ---
    "missing interface word (template)": (
        edit, "ui.yml", lambda d: d.pop("not_found_title"),
        ["data/ui.yml: not_found_title", "this interface word (overrides/404.html uses it)"]),
    "missing interface word (calculator)": (
        edit, "calculator_ui.yml", lambda d: d.pop("stamp"),
        ["data/calculator_ui.yml: stamp", "docs/assets/js/calc/result.js uses it"]),
    "misspelt placeholder": (edit, "calculator_ui.yml",
                             lambda d: d["stamp"].update(en=d["stamp"]["en"].replace("{year}", "{yaer}")),
                             ["data/calculator_ui.yml: stamp.en", "'{yaer}'",
                              "placeholders the code fills in"]),
    "missing placeholder": (edit, "ui.yml", set_path("targets_note", "en", "They are due by the end of the year."),
                            ["data/ui.yml: targets_note.en", "'They are due by the end of the year.'",
                             "the same placeholders as the zh text ['year']"]),
    # --- languages ---
    "Chinese sentence inside English": (
        edit, MEASURE, set_path("summary", "en", "Who can enrol. 谁都可以参保"),
        ["enrolment-and-contributions.yml: summary.en", "谁都可以参保",
         "English text: Chinese characters only as a name in brackets"]),
    "Chinese punctuation inside English": (
        edit, MEASURE, set_path("title", "en", "Who can enrol，and how"),
        ["enrolment-and-contributions.yml: title.en", "，", "no Chinese punctuation"]),
    "English-only text in a Chinese field": (
        edit, MEASURE, set_path("summary", "zh", "Who can enrol and how"),
        ["enrolment-and-contributions.yml: summary.zh", "'Who can enrol and how'",
         "at least one Chinese character"]),
    "line break between two Chinese characters": (
        edit, MEASURE, set_path("sections", 0, "body", "zh", "您可以在社保\n经办机构参保。"),
        ["enrolment-and-contributions.yml: sections[0].body.zh", "保\\n经", "on one line"]),
    # --- types, lengths, characters ---
    "boolean where text is expected": (edit, MEASURE, set_path("title", "zh", True),
                                       ["enrolment-and-contributions.yml: title.zh", "got True",
                                        "a Chinese text (a string"]),
    "number where text is expected": (edit, "glossary.yml", set_path("terms", 0, "en", 12333),
                                      ["data/glossary.yml: terms[0].en", "got 12333", "an English text (a string"]),
    "title thousands of characters long": (
        edit, MEASURE, set_path("title", "en", "Long " * 1000),
        ["enrolment-and-contributions.yml: title.en", "'Long Long", "at most 240 characters for a "
         "short field (found 5000)"]),
    "body too long": (edit, MEASURE, measure_body_en("Word. " * 1000),
                      ["sections[0].body.en", "at most 4000 characters for a long field (found 6000)"]),
    "zero-width character": (edit, MEASURE, set_path("title", "en", "Who can\u200b enrol"),
                             ["enrolment-and-contributions.yml: title.en", "zero-width",
                              "at character 8"]),
    "date that is not a date (document)": (edit, "document.yml", set_path("last_reviewed", "2026-13-45"),
                                           ["data/document.yml: last_reviewed", "'2026-13-45'",
                                            "a date like 2026-11-27"]),
    "section written as a text": (edit, MEASURE, set_path("sections", 0, "just a text"),
                                  ["enrolment-and-contributions.yml: sections[0]", "'just a text'",
                                   "a mapping with an 'id'"]),
    "list written as a text": (edit, MEASURE, set_path("audiences", "employees"),
                               ["enrolment-and-contributions.yml: audiences", "'employees'",
                                "a list (write [] for none)"]),
    "reference written as a mapping": (edit, "faq.yml", set_path("faq", 0, "sources", [{"id": "x"}]),
                                       ["data/faq.yml: faq[0].sources[0]", "{'id': 'x'}",
                                        "a known source id"]),
    "example input as a list": (edit, "examples.yml", first_example(input=[2025, 4311]),
                                ["data/examples.yml: examples[0].input", "[2025, 4311]",
                                 "a mapping of the rule's inputs"]),
    "target year out of range": (edit, "document.yml", set_path("targets", 0, "by", 2300),
                                 ["data/document.yml: targets[0].by", "2300", "a year 2025..2100"]),
    # --- Markdown, HTML, links ---
    "raw HTML": (edit, "faq.yml", faq_answer_en("Yes. <script>alert(1)</script>"),
                 ["data/faq.yml: faq[0].answer.en", "<script>alert(1)", "Markdown without raw HTML"]),
    "HTML comment": (edit, "faq.yml", faq_answer_en("Yes. <!-- hidden -->"),
                     ["data/faq.yml: faq[0].answer.en", "<!-- hidden", "Markdown without raw HTML"]),
    "javascript: link": (edit, "faq.yml", faq_answer_en("See [this](javascript:alert(1))."),
                         ["data/faq.yml: faq[0].answer.en", "javascript:alert",
                          "no javascript:, vbscript: or data: address"]),
    "javascript: link written with an entity": (
        edit, "faq.yml", faq_answer_en("See [this](&#106;avascript:alert(1))."),
        ["faq[0].answer.en", "javascript:alert", "no javascript:"]),
    "data: link": (edit, "faq.yml", faq_answer_en("See [this](data:text/html;base64,PHNjcmlwdD4=)."),
                   ["faq[0].answer.en", "data:text/html", "no javascript:, vbscript: or data:"]),
    "on…= attribute": (edit, "faq.yml", faq_answer_en('Yes. onmouseover="alert(1)"'),
                       ["faq[0].answer.en", "onmouseover=", "no on…= attribute"]),
    "Markdown attribute list": (edit, "faq.yml", faq_answer_en("Yes.\n{: .x }"),
                                ["faq[0].answer.en", "{: .x }", "braces only around a placeholder"]),
    "image": (edit, MEASURE, measure_body_en("See ![x](../assets/x.png)."),
              ["sections[0].body.en", "![x]", "no image in a data text"]),
    "heading": (edit, MEASURE, measure_body_en("Intro.\n\n## New heading"),
                ["sections[0].body.en", "## New heading", "no heading in a data text"]),
    "link to an unknown outside host": (
        edit, "faq.yml", faq_answer_en("See [this](https://evil.example.com/x)."),
        ["data/faq.yml: faq[0].answer.en", "'https://evil.example.com/x'",
         "a link to a host of a source in data/sources.yml (", "hrss.ah.gov.cn"]),
    "plain http:// link": (edit, "faq.yml", faq_answer_en("See [this](http://hrss.ah.gov.cn/)."),
                           ["faq[0].answer.en", "'http://hrss.ah.gov.cn/'", "an https:// address"]),
    "bare address to an unknown host": (edit, "faq.yml", faq_answer_en("See https://evil.example.com."),
                                        ["faq[0].answer.en", "evil.example.com", "a host of a source"]),
    "link to a page that does not exist": (
        edit, MEASURE, measure_body_en("Use the [calculator](../calculators/nope.md)."),
        ["data/measures/enrolment-and-contributions.yml: sections[0].body.en",
         "'../calculators/nope.md'", "a link to a page that exists (from measures/ it reaches "
         "calculators/nope.md"]),
    "link to an anchor that does not exist": (
        edit, "faq.yml", faq_answer_en("See [basic pension](../measures/basic-pension.md#nope)."),
        ["data/faq.yml: faq[0].answer.en", "'../measures/basic-pension.md#nope'",
         "an anchor that exists on measures/basic-pension.md"]),
    "sibling link in a text shown in two folders": (
        edit, "faq.yml", faq_answer_en("See [basic pension](basic-pension.md)."),
        ["data/faq.yml: faq[0].answer.en", "'basic-pension.md'", "from faq/ it reaches faq/basic-pension.md"]),
    "link in a file shown at several depths": (
        edit, "document.yml", set_path("intro", 0, "en", "See [this](../faq/index.md)."),
        ["data/document.yml: intro[0].en", "'../faq/index.md'", "no relative link in this file"]),
    # --- ids and anchors ---
    "duplicate glossary name": (edit, "glossary.yml", lambda d: d["terms"][1].update(
                                    en=d["terms"][0]["en"].upper()),
                                ["data/glossary.yml: terms[1].en", "'ENTERPRISE EMPLOYEE",
                                 "an English name not already used by terms[0].en"]),
    "glossary alias naming another term": (
        edit, "glossary.yml", lambda d: d["terms"][1]["aliases"]["zh"].append(d["terms"][0]["zh"]),
        ["data/glossary.yml: terms[1].aliases.zh[", "企业职工基本养老保险",
         "a Chinese name not already used by terms[0].zh"]),
    "anchors that collide on a page": (
        edit, MEASURE, set_path("sections", 0, "id", "example-rider-hefei-quarterly"),
        ["data/examples.yml: examples[0].id", "'example-rider-hefei-quarterly'",
         "an id not already used as an anchor on measures/enrolment-and-contributions.md (by "
         "data/measures/enrolment-and-contributions.yml: sections[0].id)"]),
    # --- the calculators (data/calculators.yml) ---
    "calculator with an unknown rule": (
        edit, "calculators.yml", set_path("calculators", 0, "rule", "retire-early"),
        ["data/calculators.yml: calculators[0].rule", "'retire-early'",
         "a rule of pension/rules.py (retirement-age, "]),
    "calculator rule picked by a field that is not a switch": (
        edit, "calculators.yml", set_path("calculators", 4, "rule", "by", "category"),
        ["data/calculators.yml: calculators[4].rule", "'by': 'category'",
         "{by: a switch field, then a rule for each of its choices} (switches: mode: guided, direct)"]),
    "calculator rule choice naming an unknown rule": (
        edit, "calculators.yml", set_path("calculators", 4, "rule", "direct", "pension-guess"),
        ["data/calculators.yml: calculators[4].rule.direct", "'pension-guess'", "a rule of pension/rules.py"]),
    "calculator field with to_rule other than false": (
        edit, "calculators.yml", set_path("calculators", 1, "fields", 4, "to_rule", True),
        ["data/calculators.yml: calculators[1].fields[4].to_rule", "True", "false, on a field that is not a switch"]),
    "calculator field sent to a rule without that input": (
        edit, "calculators.yml", lambda d: d["calculators"][1]["fields"][4].pop("to_rule"),
        ["data/calculators.yml: calculators[1].fields[4]", "'freq'",
         "an input of the rule flexible-plan (year, base, tier, changes), or a field marked to_rule: false"]),
    "calculator note on a path of a rule it does not run": (
        edit, "calculators.yml", set_path("calculators", 4, "notes", 1, "when", "guided.extras.below_min"),
        ["data/calculators.yml: calculators[4].notes[1].when", "'guided.extras.below_min'",
         "a path: one of guided-estimate, pension-estimate, result, then one of outputs, extras, input"]),
    "calculator note without words": (
        edit, "calculators.yml", set_path("calculators", 3, "notes", 0, "words", "none", "clamp_never"),
        ["data/calculators.yml: calculators[3].notes[0].words.none", "'clamp_never'",
         "a name that data/calculator_ui.yml gives words to"]),
    "calculator note value of an unknown format": (
        edit, "calculators.yml", set_path("calculators", 3, "notes", 0, "values", "w", "format", "euro"),
        ["data/calculators.yml: calculators[3].notes[0].values.w.format", "'euro'", "one of text, amount, date"]),
    "calculator note beside an unknown field": (
        edit, "calculators.yml", set_path("calculators", 4, "notes", 0, "beside", "savings"),
        ["data/calculators.yml: calculators[4].notes[0].beside", "'savings'", "a field of this calculator"]),
    "calculator field of an unknown kind": (
        edit, "calculators.yml", set_path("calculators", 0, "fields", 0, "kind", "date"),
        ["data/calculators.yml: calculators[0].fields[0].kind", "'date'", "one of month, choice, switch"]),
    "calculator field without words": (
        edit, "calculators.yml", set_path("calculators", 3, "fields", 1, "name", "salary"),
        ["data/calculators.yml: calculators[3].fields[1].name", "'salary'",
         "a name that data/calculator_ui.yml gives words to"]),
    "calculator field shown for an unknown choice": (
        edit, "calculators.yml", set_path("calculators", 4, "fields", 1, "when", {"mode": "quick"}),
        ["data/calculators.yml: calculators[4].fields[1].when", "{'mode': 'quick'}",
         "an earlier switch field and one of its choices (mode: guided, direct)"]),
    "calculator using an unknown parameter": (
        edit, "calculators.yml", set_path("calculators", 3, "parameters", 0, "contribution_limits"),
        ["data/calculators.yml: calculators[3].parameters[0]", "'contribution_limits'",
         "a known parameter (data/parameters.yml) id"]),
    "calculator output of an unknown format": (
        edit, "calculators.yml", set_path("calculators", 3, "outputs", 2, "format", "euro"),
        ["data/calculators.yml: calculators[3].outputs[2].format", "'euro'", "one of age, month, months"]),
    "calculator output from a rule it does not run": (
        edit, "calculators.yml",
        set_path("calculators", 3, "outputs", 2, "from", "flexible-contribution.outputs.monthly"),
        ["data/calculators.yml: calculators[3].outputs[2].from", "'flexible-contribution.outputs.monthly'",
         "a path: one of employee-contribution, result, then one of outputs, extras, input"]),
    "calculator output label without words": (
        edit, "calculators.yml", set_path("calculators", 3, "outputs", 2, "words", "e_boss"),
        ["data/calculators.yml: calculators[3].outputs[2].words", "'e_boss'",
         "a name that data/calculator_ui.yml gives words to"]),
    "calculator headline naming no output": (
        edit, "calculators.yml", set_path("calculators", 4, "headline", "output", "pension"),
        ["data/calculators.yml: calculators[4].headline.output", "'pension'",
         "one of this calculator's outputs (age, retire"]),
    "calculator headline on a flag": (
        edit, "calculators.yml", set_path("calculators", 3, "headline", "output", "clamped"),
        ["data/calculators.yml: calculators[3].headline.output", "'clamped'", "(base, employer"]),
    "calculator headline sentence without its value": (
        edit, "calculator_ui.yml",
        lambda d: d["h_total"].update(zh="您退休后能领养老金。", en="You would get a pension."),
        ["data/calculator_ui.yml: h_total.zh", "'您退休后能领养老金。'",
         "a sentence with {v} where the value goes"]),
    "calculator output picked by a field that is not a choice": (
        edit, "calculators.yml", set_path("calculators", 1, "outputs", 1, "from", "by", "year"),
        ["data/calculators.yml: calculators[1].outputs[1].from", "'by': 'year'",
         "{by: a choice field, then a path for each of its choices} (freq: month, quarter, yearly)"]),
    "calculator stamp naming a parameter it does not use": (
        edit, "calculators.yml", set_path("calculators", 3, "stamp_year_of", "jifa_base"),
        ["data/calculators.yml: calculators[3].stamp_year_of", "'jifa_base'",
         "one of this calculator's parameters (contribution_base_limits, employer_rate, employee_rate)"]),
    "calculator without its page": (
        edit, "calculators.yml", set_path("calculators", 3, "id", "wage-contribution"),
        ["data/calculators.yml: calculators[3].id", "'wage-contribution'",
         "a calculator with its page docs/calculators/wage-contribution.md"]),
    "calculator page not in the list": (
        edit, "calculators.yml", lambda d: d["calculators"].pop(3),
        ["data/calculators.yml: calculators", "'employee-contribution'",
         "an entry for docs/calculators/employee-contribution.en.md"]),
    "scenario table of an unknown rule": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 0, "rule", "tier-scenarios"),
        ["data/calculators.yml: calculators[4].scenarios[0].rule", "'tier-scenarios'",
         "a rule of pension/rules.py"]),
    "scenario table after a rule its calculator does not run": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 0, "after", "retirement-age"),
        ["data/calculators.yml: calculators[4].scenarios[0].after", "'retirement-age'",
         "one of this calculator's rules (guided-estimate, pension-estimate)"]),
    "scenario table without an input its rule needs": (
        edit, "calculators.yml", lambda d: d["calculators"][4]["scenarios"][0].pop("with"),
        ["data/calculators.yml: calculators[4].scenarios[0].with", "a value for 'tiers', which "
         "guided-scenarios needs and guided-estimate does not take"]),
    "scenario table giving an input its rule does not take": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 0, "with", "tier_list", [60]),
        ["data/calculators.yml: calculators[4].scenarios[0].with.tier_list", "[60]",
         "an input of guided-scenarios (birth, category, paid, tier, tiers, balance)"]),
    "scenario column of an unknown format": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 0, "columns", 1, "format", "euro"),
        ["data/calculators.yml: calculators[4].scenarios[0].columns[1].format", "'euro'",
         "one of percent, month_age, word"]),
    "scenario note without words": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 1, "notes", 0, "sc_why"),
        ["data/calculators.yml: calculators[4].scenarios[1].notes[0]", "'sc_why'",
         "a name that data/calculator_ui.yml gives words to"]),
    "scenario chart of a column the table does not have": (
        edit, "calculators.yml", set_path("calculators", 4, "scenarios", 0, "chart", "gain"),
        ["data/calculators.yml: calculators[4].scenarios[0].chart", "'gain'",
         "one of the table's columns (tier, total, extra_paid, payback_months)"]),
    "scenario word column without its values": (
        edit, "calculators.yml", lambda d: d["calculators"][0]["scenarios"][0]["columns"][0].pop("values"),
        ["data/calculators.yml: calculators[0].scenarios[0].columns[0].values", "None",
         "a mapping value: word key for a `word` column, and only there"]),
    "guide naming an unknown calculator": (
        edit, "guides/employees.yml", lambda d: d["calculators"].append("tax-calculator"),
        ["data/guides/employees.yml: calculators[", "'tax-calculator'", "a known calculator id"]),
    "search keyword listed twice": (
        edit, "guides/foreign-residents.yml", lambda d: d["keywords"]["en"].append("Foreigner"),
        ["data/guides/foreign-residents.yml: keywords.en[1]", "'Foreigner'",
         "a keyword not already listed"]),
    "search keywords not a list": (
        edit, "guides/employees.yml", set_path("keywords", {"zh": "单位", "en": []}),
        ["data/guides/employees.yml: keywords.zh", "'单位'", "a list"]),
    "measure search boost out of range": (
        edit, MEASURE, set_path("search_boost", 50),
        ["data/measures/enrolment-and-contributions.yml: search_boost", "50", "a number from 1 to 10"]),
    "bare yes key anywhere": (raw, "areas.yml", lambda b: b + b"yes: 1\n",
                              ["data/areas.yml: True", "a name in quotes or not yes/no"]),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_bad_data_is_named(data_copy, kind):
    how, rel, change, parts = KINDS[kind]
    how(data_copy, rel, change)
    msg = error_of(data_copy)
    assert ": expected " in msg, msg
    for part in parts:
        assert part in msg, (part, msg)


def test_a_key_no_loader_knows_yet_names_known_sources(data_copy):
    (data_copy / "notes.yml").write_text(
        "notes:\n  - id: p1\n    sources: [anhui-opinions-2025, no-such-source]\n", encoding="utf-8")
    msg = error_of(data_copy)
    assert msg.startswith("data/notes.yml: notes[0].sources[1]: expected a known source id")
    assert "got 'no-such-source'" in msg


def test_a_file_no_loader_knows_yet_gets_the_same_text_checks(data_copy):
    # e.g. a new data file, or a new key: the generic walk needs no new code.
    (data_copy / "notes.yml").write_text(
        "notes:\n  - id: p1\n    hint: {zh: 应当参保。, en: 'You must enrol. <img src=x onerror=alert(1)>'}\n",
        encoding="utf-8")
    msg = error_of(data_copy)
    assert msg.startswith("data/notes.yml: notes[0].hint.en: expected Markdown without raw HTML")
    assert "<img src=x" in msg
