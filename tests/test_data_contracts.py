"""The real data/ folder meets its contracts (beyond what the loader itself checks)."""

from __future__ import annotations

import re

from schema import en_words, zh_length

CLAUSE_AREAS = {"system": [1, 2, 3], "policies": [4, 5, 6], "services": [7, 8, 9],
                "coordination": [10, 11, 12], "safeguards": [13, 14, 15]}


def texts(obj, path=""):
    """Every bilingual text in a structure, with its key path."""
    if isinstance(obj, dict):
        if set(obj) == {"zh", "en"} and all(isinstance(v, str) for v in obj.values()):
            yield path, obj
            return
        for key, value in obj.items():
            if not str(key).startswith("_"):
                yield from texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from texts(value, f"{path}[{i}]")


def test_fifteen_measures_one_per_clause(site_data):
    assert [m["clause"] for m in site_data.measures] == list(range(1, 16))


def test_each_area_holds_its_three_clauses(site_data):
    for area, clauses in CLAUSE_AREAS.items():
        assert [m["clause"] for m in site_data.measures if m["area"] == area] == clauses


def test_the_five_areas_are_sections_three_to_seven(site_data):
    assert [a["section"] for a in site_data.areas] == [3, 4, 5, 6, 7]


def test_summaries_within_limits(site_data):
    for m in site_data.measures:
        assert zh_length(m["summary"]["zh"]) <= 40, m["id"]
        assert en_words(m["summary"]["en"]) <= 25, m["id"]


def test_every_text_has_both_languages_and_no_wrapped_chinese(site_data):
    for m in site_data.measures:
        for path, text in texts(m):
            assert text["zh"].strip() and text["en"].strip(), (m["id"], path)
            # A newline between two Chinese characters renders as a visible space.
            assert not re.search(r"[\u4e00-\u9fff，。；：、]\n[\u4e00-\u9fff]", text["zh"]), (m["id"], path)


def test_four_targets_for_2030_and_the_service_goal(site_data):
    targets = {t["id"]: t["percent"] for t in site_data.document["targets"]}
    assert sorted(targets.values()) == [10, 40, 50, 90]
    assert all(t["by"] == 2030 for t in site_data.document["targets"])
    label = site_data.document["service_goal"]["label"]
    assert "3" in label["en"] and "5" in label["en"]


def test_six_highlights(site_data):
    assert len(site_data.document["highlights"]) == 6


def test_every_audience_tag_is_used(site_data):
    used = {tag for m in site_data.measures for tag in m["audiences"]}
    assert used == {a["id"] for a in site_data.audiences}
