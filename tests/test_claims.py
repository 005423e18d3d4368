"""hooks/load/claims.py on small stubs of its own: force values, unknown units, a rule resting on soft
wording, coverage. Each refusal names the file, the key and the value."""

from __future__ import annotations

import pytest

from hooks.load.claims import Claim, Unit, check_claims, coverage, only_soft, split_claim, wording
from hooks.load.schema import DataError

WORDS = {"soft": ["推动", "鼓励", "探索", "逐步"], "rule": ["允许", "可", "要"],
         "not_rule": ["可持续", "重要"]}
UNITS = {
    "c1-1": Unit("c1-1", "推动高质量可持续发展。", "Promote …", "sections[2].clauses[0].units[0]"),
    "c1-2": Unit("c1-2", "鼓励职工多缴费。", "Encourage …", "sections[2].clauses[0].units[1]"),
    "c4-1": Unit("c4-1", "允许灵活就业人员自主选择参保地。", "Allow …", "sections[3].clauses[0].units[0]"),
    "c9-9": Unit("c9-9", "落实全国统筹制度。", "Carry out …", "sections[4].clauses[0].units[0]"),
}
FILE = "data/measures/x.yml"


def refusal(fn, *args, **kwargs) -> str:
    with pytest.raises(DataError) as info:
        fn(*args, **kwargs)
    return str(info.value)


def claim(force="rule", cites=("c4-1",), reason=None, key="changes[0]") -> Claim:
    return Claim(FILE, key, force, list(cites), reason)


# --- Wording --------------------------------------------------------------------------------

def test_soft_and_rule_words_are_found():
    assert wording("鼓励职工多缴费。", WORDS) == (["鼓励"], [])
    assert wording("允许灵活就业人员可以选择。", WORDS) == ([], ["允许", "可"])


def test_words_that_only_contain_a_rule_word_do_not_count():
    # 可持续 (sustainable) holds 可 (may) but permits nothing.
    assert wording("推动高质量可持续发展。", WORDS) == (["推动"], [])
    assert only_soft(UNITS["c1-1"], WORDS)
    assert not only_soft(UNITS["c9-9"], WORDS)      # neither kind: not judged soft


# --- Shape of a claim -----------------------------------------------------------------------

def test_a_bad_force_value_is_refused():
    msg = refusal(split_claim, {"zh": "x", "en": "x", "force": "law", "cites": ["c4-1"]},
                  FILE, "changes[1]", required=True)
    assert msg.startswith(f"{FILE}: changes[1].force: expected one of rule, goal, encouraged, "
                          "explore, duty, got 'law'")


def test_a_measure_change_without_force_is_refused():
    msg = refusal(split_claim, {"zh": "x", "en": "x"}, FILE, "changes[2]", required=True)
    assert f"{FILE}: changes[2].force: expected this key to be present" in msg


def test_cites_must_be_a_non_empty_list():
    msg = refusal(split_claim, {"zh": "x", "en": "x", "force": "goal", "cites": "c4-1"},
                  FILE, "changes[0]", required=True)
    assert "changes[0].cites: expected a non-empty list of unit ids" in msg and "'c4-1'" in msg


def test_a_faq_entry_without_claim_keys_is_no_claim():
    assert split_claim({"id": "q", "answer": {}}, "data/faq.yml", "faq[0]", required=False) is None


def test_a_reason_on_a_claim_that_is_not_a_rule_is_refused():
    msg = refusal(split_claim, {"zh": "x", "en": "x", "force": "goal", "cites": ["c1-1"],
                                "reason": "because"}, FILE, "changes[0]", required=True)
    assert "changes[0].reason: expected no reason" in msg and "'because'" in msg


# --- Checks against the units ---------------------------------------------------------------

def test_a_cite_of_an_unknown_unit_is_refused():
    msg = refusal(check_claims, [claim(cites=["c4-1", "c99-1"], key="changes[3]")], UNITS, WORDS)
    assert msg.startswith(f"{FILE}: changes[3].cites[1]: expected a unit id from data/policy.yml")
    assert msg.endswith("got 'c99-1'")


def test_a_rule_resting_only_on_soft_wording_is_refused():
    msg = refusal(check_claims, [claim(cites=["c1-2"])], UNITS, WORDS)
    assert msg.startswith(f"{FILE}: changes[0].force: expected goal, encouraged, explore or duty, "
                          "or a `reason:`")
    assert "c1-2: 鼓励" in msg and msg.endswith("got 'rule'")


def test_a_rule_on_soft_wording_passes_with_a_reason():
    check_claims([claim(cites=["c1-2"], reason="the text adopts a national rule here")],
                 UNITS, WORDS)


def test_a_rule_passes_when_one_cited_unit_has_rule_wording_or_no_soft_word():
    check_claims([claim(cites=["c1-2", "c4-1"]), claim(cites=["c9-9"])], UNITS, WORDS)


def test_other_forces_may_rest_on_soft_wording():
    check_claims([claim(force=f, cites=["c1-2"]) for f in ("goal", "encouraged", "explore",
                                                              "duty")], UNITS, WORDS)


def test_a_stale_reason_is_refused():
    msg = refusal(check_claims, [claim(cites=["c4-1"], reason="old excuse")], UNITS, WORDS)
    assert "changes[0].reason: expected no reason: cited unit c4-1" in msg
    assert msg.endswith("got 'old excuse'")


# --- Coverage -------------------------------------------------------------------------------

def units_with(skips: dict[str, str]) -> dict[str, Unit]:
    return {uid: Unit(u.id, u.zh, u.en, u.path, skips.get(uid)) for uid, u in UNITS.items()}


def test_coverage_counts_explained_and_skipped_units():
    units = units_with({"c1-1": "general aim", "c9-9": "national rule, said elsewhere"})
    cov = coverage(units, [claim(cites=["c4-1"]), claim(force="encouraged", cites=["c1-2"])])
    assert (cov.explained, cov.skipped, cov.total) == (["c1-2", "c4-1"], ["c1-1", "c9-9"], 4)
    assert cov.line() == "policy coverage: 2 explained, 2 skipped, 4 total"


def test_a_unit_no_claim_explains_and_not_skipped_is_refused():
    units = units_with({"c1-1": "general aim"})
    msg = refusal(coverage, units, [claim(cites=["c4-1"]), claim(force="goal", cites=["c1-2"])])
    assert msg.startswith("data/policy.yml: sections[4].clauses[0].units[0].skip: expected a "
                          "claim citing unit c9-9")
    assert msg.endswith("got None")


def test_a_skip_on_a_cited_unit_is_refused():
    units = units_with({"c1-1": "general aim", "c9-9": "x", "c4-1": "nothing to explain"})
    msg = refusal(coverage, units, [claim(cites=["c4-1"]), claim(force="goal", cites=["c1-2"])])
    assert msg.startswith("data/policy.yml: sections[3].clauses[0].units[0].skip: expected no "
                          f"skip: unit c4-1 is explained by {FILE} changes[0]")
    assert msg.endswith("got 'nothing to explain'")
