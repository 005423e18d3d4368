"""MkDocs hook: write the nginx include that allows this build's inline scripts, `site/csp.conf`.

deploy/nginx.conf's Content-Security-Policy has no 'unsafe-inline': each inline <script> (Material's
`__md_scope` one differs by page depth; ours in overrides/main.html) is allowed by its SHA-256.
The hashes used to be pasted into nginx.conf by hand. Now the build lists them in one nginx
`map` that deploy/nginx.conf includes, so the served policy always matches the pages it is served
with (reload nginx after copying a new site: README, Deploying). JSON data blocks are not scripts
to CSP and are left out.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.plugins import event_priority

FILE = "csp.conf"
SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_TYPES = ("application/json", "application/ld+json")


def inline_script_hashes(site: Path) -> set[str]:
    """'sha256-…' of every inline script in the built pages."""
    found = set()
    for page in site.rglob("*.html"):
        for attrs, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if any(t in attrs for t in DATA_TYPES):
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return found


def include_text(hashes: set[str]) -> str:
    return ("# Written by hooks/events/csp.py at build time; included by deploy/nginx.conf. Do not edit:\n"
            "# the SHA-256 of every inline script in this build, for the CSP's script-src.\n"
            "map $uri $csp_script_hashes {\n"
            f"  default \"{' '.join(sorted(hashes))}\";\n"
            "}\n")


@event_priority(-300)   # after static-i18n built the other language and after hooks/events/fingerprint.py
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    site = Path(config.site_dir)
    (site / FILE).write_text(include_text(inline_script_hashes(site)), encoding="utf-8")
