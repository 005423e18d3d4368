"""Each scenario table's "download as CSV" link, in a real browser in both languages: the file
is named after the calculator, the table and the language, is UTF-8 with a BOM and CRLF line ends,
parses with Python's csv module, has the column words as its header and one row per shown row,
each value the row's data-value (empty where the table says "none"); print hides the link."""

from __future__ import annotations

import csv
import io

import pytest

pytestmark = pytest.mark.browser
URL = "/calculators/pension-estimate/?mode=guided&birth=1975-06&category=male&paid=15&tier=100"


def shown(page, table_id):
    """The table's rows as [data-value] lists in column order, "none" read as an empty cell."""
    return page.eval_on_selector_all(
        f'[data-scenarios="{table_id}"] tr[data-scenario]',
        """rows => rows.map(r => [...r.querySelectorAll('[data-output]')].map(
            e => e.dataset.value === 'none' ? '' : e.dataset.value))""")


@pytest.mark.parametrize(("lang", "suffix"), [("", ""), ("/en", "-en")])
def test_each_scenario_table_downloads_as_csv(page, lang, suffix, site_data, tmp_path):
    page.goto(f"{page.base}{lang}{URL}")
    page.wait_for_selector(".calc-scenarios")
    key = "en" if lang else "zh"
    calc = next(c for c in site_data.calculators if c["id"] == "pension-estimate")
    assert page.locator(".calc-scenarios .calc-csv a").count() == len(calc["scenarios"]) == 2
    for table in calc["scenarios"]:
        link = page.locator(f'[data-scenarios="{table["id"]}"] .calc-csv a')
        assert link.inner_text() == site_data.calc_ui["sc_csv"][key]
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.suggested_filename == f"pension-estimate-{table['id']}{suffix}.csv"
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert raw.count(b"\r\n") == raw.count(b"\n") == len(shown(page, table["id"])) + 1
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        assert rows[0] == [site_data.calc_ui[c["words"]][key] for c in table["columns"]]
        assert rows[1:] == shown(page, table["id"])
        assert all("," not in v and v for v in rows[1][1:3])   # plain numbers: 6898.60, not 6,898.60


def test_print_keeps_the_options_table_but_not_its_link(page):
    """The retirement options print with the summary; their download link does not."""
    page.goto(f"{page.base}/calculators/retirement-age/?birth=1980-01&category=female50")
    page.wait_for_selector('[data-scenarios="options"] .calc-csv a')
    page.emulate_media(media="print")
    assert page.locator('[data-scenarios="options"] table').is_visible()
    assert not page.locator('[data-scenarios="options"] .calc-csv').is_visible()
