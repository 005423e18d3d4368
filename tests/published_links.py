"""List every shareable link of a built site: page paths and the ids of their headings.

`python tests/published_links.py site/ > tests/published_links.txt` records them (done when a page
or anchor is added on purpose); tests/test_links_stable.py fails if a recorded one disappears."""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup


def shareable_links(site: Path) -> list[str]:
    links = []
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        url = "/" if rel == "." else f"/{rel}/"
        if url.startswith(("/assets/", "/search/")):
            continue
        links.append(url)
        doc = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        # Headings, and the sentences of the policy text (/policy/#c4-1) that claims link to.
        links += [f"{url}#{h['id']}" for h in doc.select("article h2[id], article h3[id], "
                                                          "article .unit[id]")]
    return links


if __name__ == "__main__":
    print("\n".join(shareable_links(Path(sys.argv[1]))))
