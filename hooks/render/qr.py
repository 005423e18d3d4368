"""A QR code of a page's address, so a printed page or a phone screen can be scanned to open it.
Outreach staff hand out printed measure pages; the code is drawn at build time (segno) as a small
inline SVG: no image request, no JavaScript."""

from __future__ import annotations

import html

import segno


def qr_code(url: str, label: str, svgclass: str = "page-qr__code") -> str:
    """The code as inline SVG, sized by CSS. Its caption always says ``label`` too: the
    picture's own title is hidden from screen readers (once is enough) but kept as the tooltip."""
    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True,
                                                title=label, svgclass=svgclass)
    return svg.replace("<svg ", '<svg aria-hidden="true" ', 1)


def qr_block(url: str, summary: str, label: str) -> str:
    """The folded QR block; ``summary`` and ``label`` are data/ui.yml's qr_summary, qr_label."""
    svg = qr_code(url, label)
    # Kept out of the search index (data-search-exclude, Material's own switch): the same words
    # and the page's own address on every page would match every search for "page" or "open".
    return (f'<details class="page-qr" data-search-exclude><summary>{summary}</summary>'
            f'<figure>{svg}<figcaption>{label}<br><span class="page-qr__url">'
            f'{html.escape(url)}</span></figcaption></figure></details>')
