"""Print the CSP script-src hashes a built site needs: `python bench/csp_hashes.py site/`.

Every inline <script> (not JSON data blocks) is hashed with SHA-256. Paste the result into the
Content-Security-Policy line of deploy/nginx.conf when Material or overrides/main.html changes
an inline script (tests/test_nginx.py tells you when)."""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def hashes(site: Path) -> Counter:
    found: Counter = Counter()
    for page in site.rglob("*.html"):
        for attrs, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attrs or "application/ld+json" in attrs:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            found[f"'sha256-{digest}'"] += 1
    return found


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    found = hashes(site)
    for h, n in found.most_common():
        print(f"# {n:4d} pages  {h}", file=sys.stderr)
    print("script-src 'self' " + " ".join(sorted(found)) + ";")
