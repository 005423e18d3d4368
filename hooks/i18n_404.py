"""Keep a 404 page per language: /404.html in Chinese and /en/404.html in English.

mkdocs-static-i18n rebuilds every language into the same site_dir, so the root 404.html ends up
in the last language built (static-i18n issues #284, #326, #349). We save the default
language's copy and move the other language's copy into its folder."""

from __future__ import annotations

from pathlib import Path

_saved: dict[str, bytes] = {}


def on_post_build(config):
    i18n = config.plugins["i18n"]
    site = Path(config.site_dir)
    root404 = site / "404.html"
    if i18n.current_language == i18n.default_language:
        _saved["404"] = root404.read_bytes()
        return
    target = site / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    root404.replace(target)
    root404.write_bytes(_saved["404"])
