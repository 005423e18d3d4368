"""The build refuses what must never be published: a page missing its translation, or an asset
loaded from another host. Each test builds a copy of the project with one thing broken."""

from __future__ import annotations

import pytest
from conftest import run_build


def test_a_missing_translation_fails_instead_of_showing_chinese_under_en(project_copy, tmp_path):
    (project_copy / "docs" / "about.en.md").unlink()
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "about.md" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "en" / "about").exists()


def test_an_external_asset_fails_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n![logo](https://example.com/logo.png)\n",
                    encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "example.com/logo.png" in result.stdout + result.stderr


def test_the_unbroken_copy_builds(project_copy, tmp_path):
    # Guards the two tests above: they fail for the reason they name, not because copies fail.
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr


# --- Bad data through the real build: the message names the data file and key (never the
# generated page), and nothing is written: no site folder, no generated page under docs/.

def _edit(project, rel, change):
    import yaml

    path = project / "data" / rel
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000),
                    encoding="utf-8")


def _script_in_faq(doc):
    doc["faq"][0]["answer"]["en"] += " <script>alert(1)</script>"


def _broken_link(doc):
    doc["sections"][0]["body"]["en"] += " Use the [calculator](../calculators/nope.md)."


BROKEN = {
    "script in a FAQ answer": ("faq.yml", _script_in_faq,
                               "data/faq.yml: faq[0].answer.en: expected Markdown without raw HTML"),
    "link to a missing page": ("measures/basic-pension.yml", _broken_link,
                               "data/measures/basic-pension.yml: sections[0].body.en: expected a link "
                               "to a page that exists"),
    "expected value off by one fen": (
        "examples.yml", lambda d: d["examples"][0]["expected"].update(monthly=862.21),
        "data/examples.yml: examples[0].expected.monthly: expected 862.2, as the rules compute it"),
    # Asked for with a computed name ("confidence_" + level): caught when the pages are made,
    # still before anything is written.
    "interface word asked for by a computed name": (
        "ui.yml", lambda d: d.pop("confidence_high"),
        "data/ui.yml: confidence_high: expected this interface word (the build uses it)"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_bad_data_stops_the_build_naming_the_data_file(project_copy, tmp_path, kind):
    rel, change, message = BROKEN[kind]
    _edit(project_copy, rel, change)
    result = run_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output, output
    assert "Traceback" not in output and "docs/measures" not in output
    assert not (tmp_path / "site").exists()
    assert not (project_copy / "docs" / "measures").exists()


def test_a_calculator_page_must_show_the_tables_its_entry_lists(project_copy, tmp_path):
    page = project_copy / "docs" / "calculators" / "employee-contribution.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("<!-- site:calc-employee-table -->", ""),
                    encoding="utf-8")
    result = run_build(project_copy, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "calculators/employee-contribution.en.md: the tables on the page (none) must be the ones " \
           "data/calculators.yml lists for employee-contribution (employee)" in out


def test_the_calculator_script_gets_short_local_names_and_unreadable_syntax_stops_the_build():
    """hooks/events/fingerprint.py shortens the joined calculator script's local names (keeping
    globals and properties); a syntax its ES5 parser cannot read stops the build, naming the file."""
    from mkdocs.exceptions import PluginError

    from hooks.events.fingerprint import shorten_names
    text = "(function (root) { var longLocalName = 1; root.Exported = longLocalName + 1; })(this);"
    out = shorten_names(text, "assets/js/calc/calculators.js").decode("utf-8")
    assert "longLocalName" not in out and "root.Exported" not in out and ".Exported=" in out
    assert len(out) < len(text) * 0.6
    with pytest.raises(PluginError, match=r"assets/js/calc/calculators.js: .*ES5"):
        shorten_names("var f = (a) => a ** 2;", "assets/js/calc/calculators.js")
