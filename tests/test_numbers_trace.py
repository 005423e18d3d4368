"""Every amount and percentage in the reader-facing prose (data/ and the hand-written pages under
docs/) is bound to data/ by a {{…}} placeholder (hooks/load/figures.py), or is on ALLOWED with the
reason it is not data. A changed parameter then changes every sentence that shows it.

Why binding and not matching: the old test accepted a figure typed by hand when it equalled *some*
known value. Had employee_rate gone from 0.08 to 0.09, a hand-typed "8%" beside "employee" would
still have passed, because flexible_account_rate and the annuity cap are 0.08 too; and 862.20 (2025's
lowest amount) passed on pages that meant the latest year's. test_changing_a_parameter_changes_…
below changes a parameter and reads every text that used it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from hooks.load import figures
from hooks.load.yaml_file import read_yaml

AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(元|yuan|%|％)")
# Figures typed by hand on purpose: (file, figure as written) -> why it is not a parameter or a
# rule's result. Keep this short; a figure that is data gets a placeholder instead.
TARGET = "a 2030 target of the policy text (data/document.yml targets), not a parameter"
TAX_RATE = "an example top income tax rate we chose for the illustration (a rule input)"
POOLED = "20% minus 8%: the pooled-fund share, a difference no parameter or rule output holds"
ANNUITY_TAX = "national annuity tax rule (Caishui [2013] No. 103) the rules do not use"
ALLOWED = {
    ("data/measures/enterprise-annuity.yml", "10%"): TARGET,
    ("data/measures/personal-pension.yml", "40%"): TARGET,
    ("data/faq.yml", "90%"): TARGET,
    ("data/measures/personal-pension.yml", "10%"): TAX_RATE,
    ("data/guides/employees.yml", "10%"): TAX_RATE,
    ("data/faq.yml", "12%"): POOLED,
    ("data/glossary.yml", "12%"): POOLED,
    ("data/faq.yml", "4%"): ANNUITY_TAX,
    ("data/faq.yml", "300%"): ANNUITY_TAX,
    ("data/faq.yml", "6,000元"): "an example wage we chose (the rule's input)",
    ("data/faq.yml", "6,000 yuan"): "an example wage we chose (the rule's input)",
    ("data/guides/employees.yml", "6,000元"): "an example wage we chose (the rule's input)",
    ("data/guides/employees.yml", "6,000 yuan"): "an example wage we chose (the rule's input)",
    ("docs/calculators/pension-estimate.md", "100%"): "a tier a reader may choose, as an example",
    ("docs/calculators/pension-estimate.en.md", "100%"): "a tier a reader may choose, as an example",
}
# Placeholders that show the latest limits (or the amount paid on them), not just use its year.
LATEST = re.compile(r"contribution_base_limits\.(?:lower|upper)@latest|source:contribution_base_limits@latest")
A_YEAR = re.compile(r"@(\d{4})\b|year=(\d{4})\b")


def prose_files() -> list[Path]:
    return sorted([*DATA.glob("measures/*.yml"), DATA / "faq.yml", DATA / "glossary.yml",
                   *DATA.glob("guides/*.yml")])


def pages() -> list[Path]:
    return sorted([*ROOT.glob("docs/*.md"), *ROOT.glob("docs/calculators/*.md")])


def texts(obj, path: str = "", lang: str | None = None) -> Iterator[tuple[str, str, str]]:
    """(key path, language, raw text) of every text under zh/en."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            where = f"{path}.{key}" if path else str(key)
            yield from texts(value, where, key if key in ("zh", "en") else lang)
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from texts(value, f"{path}[{i}]", lang)
    elif isinstance(obj, str) and lang:
        yield path, lang, obj


def raw_texts() -> Iterator[tuple[str, str, str, str]]:
    """(file, key path, language, text as written) for all prose, placeholders unfilled."""
    for path in prose_files():
        file = str(path.relative_to(ROOT))
        for where, lang, text in texts(read_yaml(path, DATA)):   # read outside load(): unfilled
            yield file, where, lang, text
    for page in pages():
        lang = "en" if page.name.endswith(".en.md") else "zh"
        yield str(page.relative_to(ROOT)), "(page)", lang, page.read_text(encoding="utf-8")


def typed_figures(text: str) -> list[str]:
    return [m.group(0) for m in AMOUNT.finditer(figures.PLACEHOLDER.sub("", text))]


def test_every_figure_in_the_prose_is_bound_or_allowed():
    unbound, used = [], set()
    for file, where, _, text in raw_texts():
        for figure in typed_figures(text):
            key = (file, figure.replace(" ", "") if figure.endswith("%") else figure)
            if key in ALLOWED:
                used.add(key)
            else:
                unbound.append(f"{file}: {where}: {figure!r} typed by hand: use a {{{{…}}}} "
                               f"placeholder (hooks/load/figures.py) or add it to ALLOWED with why")
    assert not unbound, "\n".join(unbound)
    assert not set(ALLOWED) - used, f"ALLOWED entries no longer needed: {set(ALLOWED) - used}"


def test_the_prose_binds_its_figures():
    """Not a handful: the parameters, rule results and their years and sources."""
    kinds: dict[str, int] = {}
    for *_, text in raw_texts():
        for match in figures.PLACEHOLDER.finditer(text):
            kinds[match.group(1)] = kinds.get(match.group(1), 0) + 1
    assert kinds["param"] >= 150 and kinds["rule"] >= 40, kinds
    assert kinds["year"] >= 20 and kinds["source"] >= 10, kinds


def test_a_figure_of_one_year_sits_in_a_text_that_names_that_year():
    """A sentence that is not about one year uses @latest (the 'lowest amount' then reads the
    same on every page and in the calculators); one bound to a year says which year it is."""
    wrong = []
    all_texts = {(file, where): text for file, where, _, text in raw_texts()}
    for (file, where), text in all_texts.items():
        # A FAQ answer may leave the year to its question ("2025年的缴费基数上下限核实过吗？").
        question = re.sub(r"\.answer\.(zh|en)$", r".question.\1", where)
        words = figures.PLACEHOLDER.sub("", text + all_texts.get((file, question), ""))
        for match in figures.PLACEHOLDER.finditer(text):
            for year in filter(None, (y for pair in A_YEAR.findall(match.group(0)) for y in pair)):
                if year not in words:
                    wrong.append(f"{file}: {where}: {match.group(0)} in a text that never says {year}")
    assert not wrong, "\n".join(wrong)


def test_a_text_on_the_latest_limits_lists_the_latest_source(site_data):
    """sources: lists are ids, not text: when a text switches to @latest, its record must cite
    the source of the latest year's limits (an id a placeholder cannot fill)."""
    params = site_data.params
    latest = params.get("contribution_base_limits",
                        params.latest_year("contribution_base_limits")).use.source
    missing = []
    for path in prose_files():
        doc = read_yaml(path, DATA)
        records = doc.get("faq", [doc]) if isinstance(doc, dict) else [doc]
        for record in records:
            uses = any(LATEST.search(text) for _, _, text in texts(record))
            if uses and "sources" in record and latest not in record["sources"]:
                missing.append(f"{path.relative_to(ROOT)}: {record.get('id')}: add {latest}")
    assert not missing, "\n".join(missing)


# --- Change one parameter: every text that used it changes, none keeps the old figure -------

def fill_all(bound: figures.Figures, only: tuple[str, str] | None = None) -> dict:
    """Every prose text filled; with `only` (a parameter and key), placeholders not computed from
    that value are blanked out: what is left is the text's own words and that value's figures."""
    out = {}
    for file, where, lang, text in raw_texts():
        if "{{" not in text:
            continue

        def one(match: re.Match, lang: str = lang) -> str:
            figure = bound.figure(match.group(0), lang)
            return figure.text if only is None or only in figure.uses else ""
        out[(file, where)] = figures.PLACEHOLDER.sub(one, text)
    return out


def users_of(bound: figures.Figures, used: tuple[str, str]) -> dict[tuple[str, str], list[str]]:
    """The texts with a placeholder computed from one parameter value, and those placeholders."""
    found: dict[tuple[str, str], list[str]] = {}
    for file, where, lang, text in raw_texts():
        for match in figures.PLACEHOLDER.finditer(text):
            if used in bound.figure(match.group(0), lang).uses:
                found.setdefault((file, where), []).append(match.group(0))
    return found


def with_value(site_data, name: str, key, value) -> figures.Figures:
    doc = read_yaml(DATA / "parameters.yml", DATA)
    values = doc["parameters"][name]["values"]
    if isinstance(values[key], dict) and isinstance(value, dict):
        values[key]["value"] = {**values[key]["value"], **value}
    else:
        values[key] = value
    return figures.Figures(doc, site_data.sources, site_data.examples)


@pytest.mark.parametrize(("name", "key", "value", "old", "new", "at_least"), [
    # "8%" would have passed the old test whatever the employee rate became (see the top).
    ("employee_rate", "2006-01-01", 0.09, ["8%", "480"], ["9%", "540"], 8),
    # The lowest base of the latest year: the "lowest amount" on the FAQ, guides and measures.
    ("contribution_base_limits", 2026, {"lower": 4400}, ["4,354", "870.80", "348.32"],
     ["4,400", "880", "352"], 12),
])
def test_changing_a_parameter_changes_every_text_that_shows_it(site_data, name, key, value, old,
                                                              new, at_least):
    before = figures.Figures(read_yaml(DATA / "parameters.yml", DATA), site_data.sources,
                             site_data.examples)
    after = with_value(site_data, name, key, value)
    used = (name, str(key))
    users = users_of(before, used)     # computed from it (not every one changes: a wage of
    original, changed = fill_all(before), fill_all(after)    # 6,000 stays above a new lower limit)
    assert sum(changed[w] != original[w] for w in users) >= at_least, sorted(users)
    own = fill_all(after, only=used)          # the text's own words + the changed figures only
    shown_old = fill_all(before, only=used)
    for where, placeholders in users.items():
        lang = "en" if where[1].endswith(".en") or ".en[" in where[1] \
            or where[0].endswith(".en.md") else "zh"
        for placeholder in placeholders:
            now, was = after.figure(placeholder, lang).text, before.figure(placeholder, lang).text
            assert now in changed[where], (where, placeholder)
            if now != was:
                assert was not in own[where], (where, placeholder, own[where])
        for figure in old:     # no sentence that used it keeps the old figure, typed or bound
            assert figure not in own[where], (where, figure, own[where])
    for figure in old:
        assert any(figure in shown_old[w] for w in users), figure
    for figure in new:
        assert any(figure in own[w] for w in users), figure
    untouched = set(original) - set(users)
    assert all(original[w] == changed[w] for w in untouched)
