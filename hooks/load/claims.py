"""Claims: sentences of ours that say what the policy does, each tied to the units of the text it
explains (data/policy.yml) and to its force. Pure functions, no I/O.

A claim is a `changes` item of a measure (force and cites required), or a FAQ entry or guide step
that carries `force`/`cites` (optional there: a FAQ answer about national rules cites no unit).
The checks refuse, naming file, key and value:
- a force outside FORCES, or cites that are not a non-empty list;
- a cite of an unknown unit;
- `force: rule` whose cited units all hold soft wording and no rule wording (data/force_words.yml),
  unless the claim gives `reason:`; a `reason:` where no such doubt exists (a stale reason);
- a unit no claim cites and that has no `skip: "<reason>"`; a `skip` on a unit a claim cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hooks.load.schema import DataError, check_text, join

# rule: the text says this is how it works · goal: a target or something to be pushed forward ·
# encouraged: encouraged, guided or supported · explore: being explored or studied ·
# duty: a task for government departments.
FORCES = ("rule", "goal", "encouraged", "explore", "duty")
CLAIM_KEYS = {"force", "cites", "reason"}


@dataclass
class Claim:
    file: str            # data/measures/x.yml
    key: str             # changes[2]
    force: str
    cites: list[str]
    reason: str | None = None


@dataclass
class Unit:
    id: str
    zh: str
    en: str
    path: str            # key path in data/policy.yml, e.g. sections[2].clauses[0].units[3]
    skip: str | None = None


@dataclass
class Coverage:
    explained: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.explained) + len(self.skipped)

    def line(self) -> str:
        return (f"policy coverage: {len(self.explained)} explained, {len(self.skipped)} skipped, "
                f"{self.total} total")


def split_claim(item: Any, file: str, path: str, *, required: bool) -> Claim | None:
    """Check the claim keys of one item and return its Claim (None when it has none and none is
    required). The item's text keys are left for the caller to check."""
    if not isinstance(item, dict):
        raise DataError(file, path, item, "a mapping")
    present = CLAIM_KEYS & set(item)
    if not present and not required:
        return None
    if "force" not in item:
        raise DataError(file, join(path, "force"), None,
                        f"this key to be present, one of {', '.join(FORCES)}")
    if item["force"] not in FORCES:
        raise DataError(file, join(path, "force"), item["force"], f"one of {', '.join(FORCES)}")
    cites = item.get("cites")
    if not isinstance(cites, list) or not cites or not all(isinstance(c, str) for c in cites):
        raise DataError(file, join(path, "cites"), cites,
                        "a non-empty list of unit ids from data/policy.yml, like [c4-1]")
    reason = item.get("reason")
    if "reason" in item and (not isinstance(reason, str) or not reason.strip()):
        raise DataError(file, join(path, "reason"), reason, "a non-empty text saying why")
    if reason is not None and item["force"] != "rule":
        raise DataError(file, join(path, "reason"), reason,
                        f"no reason: it only explains a rule resting on soft wording, and this "
                        f"claim's force is {item['force']!r}")
    return Claim(file, path, item["force"], list(cites), reason)


def check_claimed_text(item: dict, file: str, path: str) -> None:
    """A changes item: {zh, en} plus the claim keys."""
    check_text({k: v for k, v in item.items() if k not in CLAIM_KEYS}, file, path)


# --- Wording --------------------------------------------------------------------------------

def wording(zh: str, words: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """(soft words found, rule words found) in one unit's Chinese text. Words listed under
    not_rule (可持续, 重要 …) are blanked first so 可 and 要 inside them do not count."""
    soft = [w for w in words["soft"] if w in zh]
    plain = zh
    for w in sorted(words["not_rule"], key=len, reverse=True):
        plain = plain.replace(w, "□" * len(w))
    rule = [w for w in words["rule"] if w in plain]
    return soft, rule


def only_soft(unit: Unit, words: dict[str, list[str]]) -> bool:
    soft, rule = wording(unit.zh, words)
    return bool(soft) and not rule


# --- Checks ---------------------------------------------------------------------------------

def check_claims(claims: list[Claim], units: dict[str, Unit], words: dict[str, list[str]],
                 policy_file: str = "data/policy.yml") -> None:
    for c in claims:
        for i, uid in enumerate(c.cites):
            if uid not in units:
                raise DataError(c.file, join(join(c.key, "cites"), i), uid,
                                f"a unit id from {policy_file} (like p-1, s2-3, c4-1)")
        if c.force != "rule":
            continue
        soft_units = [units[u] for u in c.cites if only_soft(units[u], words)]
        doubtful = len(soft_units) == len(c.cites)
        if doubtful and c.reason is None:
            found = "; ".join(f"{u.id}: {', '.join(wording(u.zh, words)[0])}" for u in soft_units)
            raise DataError(c.file, join(c.key, "force"), c.force,
                            f"goal, encouraged, explore or duty, or a `reason:` for 'rule': every "
                            f"cited unit holds only soft wording ({found}) and none of the rule "
                            f"words in data/force_words.yml")
        if not doubtful and c.reason is not None:
            firm = next(u for u in c.cites if not only_soft(units[u], words))
            raise DataError(c.file, join(c.key, "reason"), c.reason,
                            f"no reason: cited unit {firm} is not soft wording only, so a rule "
                            f"needs no excuse (a stale reason misleads the next editor)")


def coverage(units: dict[str, Unit], claims: list[Claim],
             policy_file: str = "data/policy.yml") -> Coverage:
    """Every unit is explained (some claim cites it) or knowingly skipped, never both."""
    cited: dict[str, Claim] = {}
    for c in claims:
        for uid in c.cites:
            cited.setdefault(uid, c)
    cov = Coverage()
    for unit in units.values():
        if unit.id in cited and unit.skip is not None:
            by = cited[unit.id]
            raise DataError(policy_file, join(unit.path, "skip"), unit.skip,
                            f"no skip: unit {unit.id} is explained by {by.file} {by.key}")
        if unit.id in cited:
            cov.explained.append(unit.id)
        elif unit.skip is not None:
            cov.skipped.append(unit.id)
        else:
            raise DataError(policy_file, join(unit.path, "skip"), None,
                            f"a claim citing unit {unit.id} (a measure's changes item, a FAQ "
                            f"answer or a guide step), or skip: \"<why it is not explained>\"")
    return cov
