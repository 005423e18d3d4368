"""MkDocs hook: our own CSS, JS, icon and generated JSON get a content hash in their names.

Material names its own files `main.<hash>.min.css`, so nginx can let browsers keep them for a year
(deploy/nginx.conf). Ours (docs/assets/*.css, assets/js/**, assets/generated/*.json) had fixed
names, so they could only be cached for 5 minutes. After the whole build (both languages), this
hook:
1. joins our stylesheets (mkdocs.yml extra_css, in that order) into one, assets/extra.css, and our
   scripts for every page (extra_javascript) into assets/js/extra.js: every page loads all of
   them, and one response instead of three or four saves headers and round trips;
2. minifies our CSS and JS (rcssmin, rjsmin: comments and spaces only, nothing renamed; our
   sources keep their explaining comments, which were a third of the bytes sent); the joined
   calculator script, the largest, also gets short local names (calmjs.parse, an ES5 parser:
   those scripts keep to ES5 plus BigInt calls; a syntax it cannot read stops the build);
3. renames each file to `name.<8 hex of its SHA-256>.ext`;
4. rewrites every reference to it: attributes of every built HTML page (href, src, data-*), and
   the service worker's path to assets/generated/offline.json (docs/sw.js);
5. stops the build if any built text file still names an old path, so no page is published
   pointing at a file that no longer exists.
Source files in docs/ are never touched.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import rcssmin
import rjsmin
from calmjs.parse import es5
from calmjs.parse.exceptions import ECMASyntaxError
from calmjs.parse.unparsers.es5 import minify_print
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# Site-relative globs of the files we fingerprint. Material's own (assets/stylesheets,
# assets/javascripts) are hashed already; sw.js must keep its address (a service worker is
# found again by its URL).
OURS = ["assets/*.css", "assets/*.svg", "assets/js/**/*.js", "assets/generated/*.json"]
# Files whose address is a promise to readers and never gets a hash, even if a pattern above is
# widened: the open data files (/data/*.json, hooks/render/open_data.py) people link to and fetch.
KEEP_ADDRESS = ("data/",)
MINIFY = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
# Scripts whose local names are shortened too (1.6 KB less compressed on a calculator page).
SHORTEN_NAMES = ("assets/js/calc/calculators.js",)
# Files that name our assets in code rather than in HTML attributes.
CODE_REFERENCES = ["sw.js"]
ATTRIBUTE = re.compile(r'''(\s(?:href|src|data-[\w-]+)=)(["'])([^"']+)\2''')
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".xml", ".webmanifest", ".txt"}


def hashed_name(path: Path, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()[:8]
    return f"{path.stem}.{digest}{path.suffix}"


# How Material links each file of extra_css / extra_javascript; {prefix} is the page's way up.
LINK_TAGS = {".css": ('<link rel="stylesheet" href="{prefix}{path}">', "\n"),
             ".js": ('<script src="{prefix}{path}"></script>', "\n;\n")}


def join_stylesheets(site: Path, extra_css: list[str], name: str = "assets/extra.css") -> None:
    """Our stylesheets (every page loads all of them) as one file."""
    join_files(site, extra_css, name)


# The calculators' scripts, on calculator pages only (overrides/main.html lists them in this
# order), as one file: the rules, then the page's parts, each file one job, app.js last.
CALCULATOR_SCRIPTS = [f"assets/js/calc/{name}.js" for name in (
    "core", "page", "format", "working", "parse", "form", "link", "refusals", "answers", "result", "scenarios",
    "print", "app")]


def join_files(site: Path, paths: list[str], name: str, every_page: bool = True) -> None:
    """Replace the pages' tags for `paths` (consecutive, in order: Material writes them so) by one
    for `name`, holding the files one after the other (cascade and run order stay the same);
    one response instead of several saves headers and round trips."""
    if len(paths) < 2:
        return
    tag, between = LINK_TAGS[Path(name).suffix]
    first, *rest = (re.escape(path) for path in paths)
    head, tail = (re.escape(part) for part in tag.split("{prefix}{path}"))
    links = re.compile(rf'{head}([^"]*){first}{tail}'
                       + "".join(rf'\s*{head}\1{path}{tail}' for path in rest))
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] == "assets":
            continue   # standalone pages (assets/errors/too-long.html): plain HTML, no links
        text, found = links.subn(lambda m: tag.format(prefix=m.group(1), path=name),
                                 page.read_text(encoding="utf-8"))
        if found != 1 and (every_page or found > 1 or any(path in text for path in paths)):
            raise PluginError(f"{page.relative_to(site)}: expected {paths} linked once, one after "
                              f"the other; found that {found} times")
        page.write_text(text, encoding="utf-8")
    (site / name).write_text(between.join((site / path).read_text(encoding="utf-8") for path in paths),
                             encoding="utf-8")
    for path in paths:
        (site / path).unlink()


def fingerprint(site: Path, base_path: str = "/") -> dict[str, str]:
    """Minify and rename our assets in the built `site`, rewrite the references; returns
    {old site-relative path: new one}."""
    renamed: dict[str, str] = {}
    for pattern in OURS:
        for path in sorted(site.glob(pattern)):
            if path.relative_to(site).as_posix().startswith(KEEP_ADDRESS):
                continue
            content = path.read_bytes()
            minify = MINIFY.get(path.suffix)
            if path.relative_to(site).as_posix() in SHORTEN_NAMES:
                content = shorten_names(content.decode("utf-8"), path.relative_to(site).as_posix())
            elif minify:
                content = minify(content.decode("utf-8")).encode("utf-8")
            new = path.with_name(hashed_name(path, content))
            new.write_bytes(content)
            path.unlink()
            renamed[path.relative_to(site).as_posix()] = new.relative_to(site).as_posix()
    for page in site.rglob("*.html"):
        page_url = base_path + page.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8")
        new_text = ATTRIBUTE.sub(lambda m, url=page_url: _rewrite(m, url, base_path, renamed), text)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
    for name in CODE_REFERENCES:
        path = site / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            for old, new in renamed.items():
                text = text.replace(f'"{old}"', f'"{new}"')
            path.write_text(text, encoding="utf-8")
    _check_no_stale_reference(site, renamed)
    return renamed


def shorten_names(text: str, name: str) -> bytes:
    """A script minified with its local names shortened (globals and properties keep theirs)."""
    try:
        return minify_print(es5(text), obfuscate=True, obfuscate_globals=False).encode("utf-8")
    except ECMASyntaxError as exc:
        raise PluginError(f"{name}: calmjs.parse cannot read it as ES5 to minify it ({exc}); keep "
                          "the calculator scripts to ES5 (BigInt calls, no ** or =>)") from None


def _rewrite(match: re.Match, page_url: str, base_path: str, renamed: dict[str, str]) -> str:
    prefix, quote, value = match.groups()
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:   # canonical / hreflang links and the like: pages, not assets
        return match.group(0)
    target = urlsplit(urljoin(page_url, parts.path)).path
    if not target.startswith(base_path):
        return match.group(0)
    new = renamed.get(target[len(base_path):])
    if new is None:
        return match.group(0)
    head, _, _ = parts.path.rpartition("/")
    new_value = (head + "/" if head or parts.path.startswith("/") else "") + new.rpartition("/")[2]
    if parts.query:
        new_value += "?" + parts.query
    if parts.fragment:
        new_value += "#" + parts.fragment
    return f"{prefix}{quote}{new_value}{quote}"


def _check_no_stale_reference(site: Path, renamed: dict[str, str]) -> None:
    # The search index holds the pages' words, not references; a page may quote a file name.
    olds = re.compile("|".join(re.escape(old) + r"(?=[\"'?#)\s])" for old in renamed))
    if not renamed:
        return
    stale = []
    for path in site.rglob("*"):
        if path.suffix not in TEXT_SUFFIXES or path.parts[-2:] == ("search", "search_index.json"):
            continue
        for m in olds.finditer(path.read_text(encoding="utf-8", errors="replace")):
            stale.append(f"{path.relative_to(site).as_posix()}: {m.group(0)}")
    if stale:
        raise PluginError(
            "These built files still name an asset by its old, unhashed path (the file is now "
            "renamed with its hash, so the link would be broken). Reference it from HTML "
            "(href/src/data-*) or add the file to CODE_REFERENCES in hooks/events/fingerprint.py:\n  "
            + "\n  ".join(sorted(stale)[:20]))


@event_priority(-200)   # after mkdocs-static-i18n has built the other language (priority 0)
def on_post_build(config):
    if config.plugins["i18n"].building:   # inside static-i18n's build of the other language
        return
    site = Path(config.site_dir)
    join_stylesheets(site, [str(path) for path in config.extra_css])
    join_files(site, [str(path) for path in config.extra_javascript], "assets/js/extra.js")
    join_files(site, CALCULATOR_SCRIPTS, "assets/js/calc/calculators.js", every_page=False)
    fingerprint(site, urlsplit(config.site_url or "/").path or "/")
