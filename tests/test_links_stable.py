"""Links people have shared keep working: every recorded page and #anchor still exists, in both
languages. To add new pages or anchors to the record, see tests/published_links.py."""

from __future__ import annotations

from pathlib import Path

from published_links import shareable_links

RECORD = Path(__file__).with_name("published_links.txt")


def test_every_recorded_link_still_exists(built_site):
    recorded = [line for line in RECORD.read_text(encoding="utf-8").splitlines() if line.strip()]
    current = set(shareable_links(built_site))
    missing = [link for link in recorded if link not in current]
    assert not missing, "these shared links would break:\n" + "\n".join(missing[:30])


def test_the_record_covers_both_languages_alike():
    recorded = [line for line in RECORD.read_text(encoding="utf-8").splitlines() if line.strip()]
    zh = {link for link in recorded if not link.startswith("/en/")}
    en = {link[3:] for link in recorded if link.startswith("/en/")}
    assert zh == en
    assert len(zh) > 400
