"""A QR code of a page's address, so a printed page or a phone screen can be scanned to open it.
Outreach staff hand out printed measure pages; the code is drawn at build time (segno) as a small
inline SVG: no image request, no JavaScript."""

from __future__ import annotations

import html

import segno

LABEL = {"zh": "扫码打开本页", "en": "Scan to open this page"}
SUMMARY = {"zh": "本页二维码", "en": "QR code for this page"}


def qr_block(url: str, lang: str) -> str:
    svg = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True,
                                                title=LABEL[lang], svgclass="page-qr__code")
    return (f'<details class="page-qr"><summary>{SUMMARY[lang]}</summary>'
            f'<figure>{svg}<figcaption>{LABEL[lang]}<br><span class="page-qr__url">'
            f'{html.escape(url)}</span></figcaption></figure></details>')
