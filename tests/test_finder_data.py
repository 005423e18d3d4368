"""Bad data in data/finder.yml stops the build with a message naming the file, the key, the value
and what was expected (hooks/load/finder_data.py, and the claim checks its notes go through)."""

from __future__ import annotations

from test_data_errors import edit, error_of

FINDER = "finder.yml"


def test_the_finder_data_loads(site_data):
    ids = [c["id"] for c in site_data.finder["who"]]
    assert "retired" in ids and not set(ids) & {a["id"] for a in site_data.audiences}
    # The script's words are the ones docs/assets/js/finder.js names, all present.
    assert {"bad_choice", "bad_birth", "bad_name", "measures_count"} <= site_data.finder_script_words
    assert site_data.finder_script_words <= set(site_data.finder["words"])


def test_a_hukou_adding_an_unknown_audience(data_copy):
    edit(data_copy, FINDER, lambda f: f["hukou"][2].update(audience="astronauts"))
    msg = error_of(data_copy)
    assert "data/finder.yml: hukou[2].audience" in msg and "'astronauts'" in msg and "audience id" in msg


def test_a_who_choice_that_is_an_audience_already(data_copy):
    edit(data_copy, FINDER, lambda f: f["who"][1].update(id="employers"))
    msg = error_of(data_copy)
    assert "data/finder.yml: who[1].id" in msg and "'employers'" in msg and "audiences" in msg


def test_an_unknown_faq_entry(data_copy):
    edit(data_copy, FINDER, lambda f: f["who"][0].update(faq="no-such-question"))
    msg = error_of(data_copy)
    assert "data/finder.yml: who[0].faq" in msg and "'no-such-question'" in msg and "FAQ entry" in msg


def test_a_note_without_its_force(data_copy):
    edit(data_copy, FINDER, lambda f: f["hukou"][0]["notes"][0].pop("force"))
    msg = error_of(data_copy)
    assert "data/finder.yml: hukou[0].notes[0].force" in msg and "rule, goal" in msg


def test_a_note_citing_a_sentence_that_does_not_exist(data_copy):
    edit(data_copy, FINDER, lambda f: f["paying"][1].update(cites=["c99-1"]))
    msg = error_of(data_copy)
    assert "data/finder.yml: paying[1].cites[0]" in msg and "'c99-1'" in msg and "data/policy.yml" in msg


def test_a_rule_resting_on_soft_wording(data_copy):
    edit(data_copy, FINDER, lambda f: f["paying"][1].update(force="rule", cites=["c6-6"]))   # 探索
    msg = error_of(data_copy)
    assert "data/finder.yml: paying[1].force" in msg and "'rule'" in msg and "soft wording" in msg


def test_a_note_for_an_unknown_group(data_copy):
    edit(data_copy, FINDER, lambda f: f["hukou"][0]["notes"][0].update(who=["pilots"]))
    msg = error_of(data_copy)
    assert "data/finder.yml: hukou[0].notes[0].who" in msg and "'pilots'" in msg


def test_filling_a_calculator_field_that_does_not_exist(data_copy):
    edit(data_copy, FINDER, lambda f: f.update(fills={"birth": "born"}))
    msg = error_of(data_copy)
    assert "data/finder.yml: fills.birth" in msg and "'born'" in msg and "month field" in msg


def test_a_word_the_script_needs_is_missing(data_copy):
    edit(data_copy, FINDER, lambda f: f["words"].pop("bad_birth"))
    msg = error_of(data_copy)
    assert "data/finder.yml" in msg and "bad_birth" in msg and "finder.js" in msg


def test_a_missing_translation(data_copy):
    edit(data_copy, FINDER, lambda f: f["words"]["q_who"].pop("en"))
    msg = error_of(data_copy)
    assert "data/finder.yml" in msg and "q_who.en" in msg
