"""The real data/ folder meets its contracts (beyond what the loader itself checks)."""

from __future__ import annotations

import re

from hooks.load.schema import en_words, zh_length

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


def test_what_counts_as_chinese_and_as_english():
    # The definitions README.md documents ("Data contract"), on the cases they were written for.
    from hooks.load.language_checks import check_en, check_zh

    assert check_zh("您可以在社保经办机构参保。") is None
    assert check_zh("12333") is None and check_zh("zh-CN") is None      # a number, a language tag
    assert check_zh("Pension") is not None                               # English-only
    assert check_zh("您可以在社保\n经办机构参保。") is not None              # wrapped paragraph
    assert check_en("Use the Wanshitong (皖事通) app.") is None          # a name after its pinyin
    assert check_en("for example 4311 or 0.5万.") is None                # a unit after a number
    assert check_en("Use the app 皖事通.") is not None                    # not quoted
    assert check_en("Who can enrol，and how") is not None                # Chinese punctuation
    assert check_en("Who can enrol. 谁都可以参保") is not None             # a Chinese sentence


def test_safe_markdown_accepts_what_the_data_uses_and_nothing_executable():
    from hooks.load.text_safety import check_markdown

    hosts = {"www.gov.cn"}
    ok = "Read **this** first.\n\n- [Calculator](../calculators/retirement-age.md)\n- [Law](https://www.gov.cn/x)"
    assert check_markdown(ok, hosts) == (None, ["../calculators/retirement-age.md"])
    for bad in ("<b>x</b>", "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))",
                "[x](&#x6A;avascript:1)", "x onclick=1", "[x](vbscript:1)", "[x](http://www.gov.cn)",
                "[x](https://www.gov.cn.evil.com/)", "[x](/measures/)", "![x](y.png)"):
        assert check_markdown(bad, hosts)[0] is not None, bad
