"""Keep a 404 page per language: /404.html in Chinese and /en/404.html in English.

mkdocs-static-i18n rebuilds every language into the same site_dir, so the root 404.html ends up
in the last language built (static-i18n issues #284, #326, #349). We save the default
language's copy and move the other language's copy into its folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

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


def on_template_context(context, *, template_name, config):
    # A 404 has no translation: its language links go to each language's home page. Without this
    # the English 404 kept the links static-i18n had set for the last Chinese page built: it sets
    # them as an attribute (config.extra.alternate), which templates read before the mapping
    # item, and never resets that attribute for a 404. So both are set.
    # From the host's root, under SITE_URL's path (a 404 answers at any depth, so no relative link).
    if template_name == "404.html":
        default = config.plugins["i18n"].default_language
        root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        homes = [{**alt, "link": root if alt["lang"] == default else f"{root}{alt['lang']}/"}
                 for alt in config.extra["alternate"]]
        config.extra["alternate"] = homes
        config.extra.alternate = homes
    return context
