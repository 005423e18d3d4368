"""Stop a build for publishing unless SITE_URL is the site's public address (`make build`).

The sitemap, every canonical and language link, and the QR code printed on every page carry
SITE_URL. Without it mkdocs.yml falls back to http://127.0.0.1:8000/ (right for `make serve` and
the tests, which do not run this check), and a published copy would send readers and search
engines to their own computer.

    python deploy/check_site_url.py      # reads SITE_URL from the environment; exit 1 with a message
"""

from __future__ import annotations

import ipaddress
import os
import sys
from urllib.parse import urlsplit

HOW = ("Set it to the address readers will use, for example:\n"
       "    make build SITE_URL=https://pension.example.cn/\n"
       "For a local preview use `make serve` instead (it needs no SITE_URL).")


def problem(value: str | None) -> str | None:
    """Why `value` cannot be the public address, or None if it can."""
    if not value or not value.strip():
        return ("SITE_URL is not set. `make build` makes the site for publishing: its sitemap, "
                "canonical links and printed QR codes would point to http://127.0.0.1:8000/.")
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"SITE_URL={value!r} is not a web address: expected http(s)://host/path/."
    host = parts.hostname.lower()
    try:
        local = ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        local = host == "localhost" or host.endswith(".localhost")
    if local:
        return (f"SITE_URL={value} points to this computer ({host}): readers' phones and search "
                "engines would find nothing there.")
    return None


def main() -> int:
    why = problem(os.environ.get("SITE_URL"))
    if why:
        print(f"Not built: {why}\n{HOW}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
