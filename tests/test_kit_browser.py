"""The outreach kit in a real browser (issue 14, point 2, "Done when"): Chromium prints every
flyer (print media, A4) on exactly one page, and the QR code read back from the printed page is
the full address of the page it is about; the share block's copy button puts its text on the
clipboard in both languages, or selects it where the clipboard cannot be written."""

from __future__ import annotations

import subprocess

import pytest
import zxingcpp
from browser import PHONE
from PIL import Image

pytestmark = pytest.mark.browser   # needs pdfinfo and pdftoppm (poppler-utils)

KINDS = ("guides", "measures")


def flyers(site):
    return sorted(p.parent.relative_to(site).as_posix() + "/"
                  for kind in KINDS for p in [*site.glob(f"kit/{kind}/*/index.html"),
                                              *site.glob(f"en/kit/{kind}/*/index.html")])


def pages_in(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_every_flyer_prints_on_one_a4_page_with_a_qr_code_of_its_page(served_site, browser, tmp_path):
    base, site = served_site
    paths = flyers(site)
    assert len(paths) == 52
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    wrong = {}
    for path in paths:
        page.goto(f"{base}/{path}", wait_until="load")
        assert page.locator("[data-kit-print]").is_visible(), path   # on screen: the print button
        pdf = tmp_path / "flyer.pdf"
        page.pdf(path=str(pdf), format="A4")
        count = pages_in(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(tmp_path / "flyer")], check=True)
        codes = [c.text for c in zxingcpp.read_barcodes(Image.open(tmp_path / "flyer.png"))]
        about = base + "/" + path.replace("kit/", "", 1)   # /en/kit/guides/x/ → /en/guides/x/
        if count != 1 or codes != [about]:
            wrong[path] = (count, codes, about)
    context.close()
    assert not wrong, wrong


def test_a_printed_flyer_has_its_points_but_no_buttons_or_share_block(served_site, browser, tmp_path):
    base, _ = served_site
    page = browser.new_page()
    page.goto(f"{base}/en/kit/guides/flexible-workers/", wait_until="load")
    pdf = tmp_path / "flyer.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.split())
    assert "Choose where to enrol" in text and "Call the 12333" in text
    assert f"{base}/en/guides/flexible-workers/" in text.replace(" ", "")
    for word in ("Print this flyer", "Copy the text", "Large text"):
        assert word not in text


@pytest.mark.parametrize("path, lines", [
    ("guides/flexible-workers/", ["灵活就业人员怎么参加养老保险、怎么缴费",
                                  "自己选参保地，按月、按季或按年缴费，年内可多次调整基数。"]),
    ("en/measures/basic-pension/", ["The basic pension: pay more, get more",
                                    "The longer you pay in, the more pension you get when you retire. "
                                    "A higher base also gives you more."]),
])
def test_the_copy_button_puts_the_share_text_on_the_clipboard(served_site, browser, path, lines):
    base, _ = served_site
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    page.goto(f"{base}/{path}", wait_until="load")
    button = page.locator("[data-share-copy]")
    button.click()
    status = page.locator(".share__status")
    status.wait_for(state="visible")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "\n".join([*lines, f"{base}/{path}"])
    assert status.text_content() == button.get_attribute("data-copied")
    context.close()


def test_without_a_clipboard_the_button_selects_the_text_and_says_so(served_site, browser):
    base, _ = served_site
    context = browser.new_context(viewport=PHONE)
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page = context.new_page()
    page.goto(f"{base}/en/guides/job-leavers/", wait_until="load")
    page.locator("[data-share-copy]").click()
    selected = page.evaluate("""() => { const box = document.querySelector('.share__text');
        return document.activeElement === box ? box.value.slice(box.selectionStart, box.selectionEnd) : null; }""")
    assert selected and selected.endswith(f"{base}/en/guides/job-leavers/")
    assert page.locator(".share__status").text_content().startswith("The text is selected")
    context.close()
