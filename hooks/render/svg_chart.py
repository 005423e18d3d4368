"""Two small SVG chart templates: lines (with a point at each value) and horizontal bars.

Pure functions: numbers and labels in, an inline <svg> string out. No library: the five charts
need two shapes, and a template keeps what a reader gets to a few kilobytes of markup with no
script, no embedded style sheet and no font (see README, "Charts").

Design for a 390 px phone: the viewBox is WIDTH units wide and the SVG is drawn at the text
column's width (about 358 px there), so one unit is about one CSS pixel and FONT stays legible.
Nothing relies on colour: each line has its own dash pattern and its name written next to it,
and bars carry their value as text. Text and axes use currentColor, so high contrast and print
follow the page's text colour (docs/assets/charts.css).

Every plotted point or bar carries data-series, data-x and data-y: the exact value the rules
gave, which tests compare with the rules and with the table under the chart.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 360
FONT = 13
LINE_GAP = FONT + 3          # the least vertical room between two labels
# Dash patterns and colours by series order: a line is told apart by its dashes and its label,
# the colour only helps. Colours keep ≥ 4.5:1 against white.
DASHES = ("", "6 3", "2 3", "10 3 2 3", "1 0")
COLOURS = ("#1a237e", "#a84300", "#1b5e20", "#6a1b9a", "#000000")
WIDTHS = (2.5, 2.5, 2.5, 2.5, 1.2)


@dataclass(frozen=True)
class Series:
    key: str                            # data-series: a stable name (a group, a tier)
    label: str                          # written next to the line
    points: Sequence[tuple[object, object]]  # (x, y) as the rules gave them: data-x, data-y


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}"{extra}>'
            f"{html.escape(text)}</text>")


def text_width(text: str) -> float:
    """About how wide a label is drawn, in units: a Chinese character is one em, others less."""
    return sum(FONT if ord(c) >= 0x2E80 else FONT * 0.62 for c in text)


def _open(height: float, label: str) -> str:
    # role="img" + aria-label: a screen reader announces one image with its name (which points to
    # the table) and skips the many tick labels inside; the table is the text alternative.
    # tabindex: in large text the chart scrolls sideways, and a keyboard must reach it to scroll.
    return (f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {_num(height)}" role="img" '
            f'aria-label="{_attr(label)}" tabindex="0" font-size="{FONT}" fill="currentColor" '
            f'xmlns="http://www.w3.org/2000/svg">')


def _spread(wanted: list[float], low: float, high: float) -> list[float]:
    """Label positions near ``wanted`` (sorted top to bottom) at least LINE_GAP apart."""
    out: list[float] = []
    for y in wanted:
        out.append(max(y, out[-1] + LINE_GAP) if out else max(y, low))
    overflow = out[-1] - high if out else 0
    if overflow > 0:                    # pushed off the bottom: shift the whole stack up
        out = [y - overflow for y in out]
    return out


def line_chart(series: Sequence[Series], *, label: str, x_of: Callable[[object], float],
               x_ticks: Sequence[tuple[float, str]], y_ticks: Sequence[tuple[float, str]],
               x_title: str, y_title: str, names_at: str = "end", step: bool = False) -> str:
    """Lines over a numeric x axis. ``x_of`` turns a point's x into a number; ticks are
    (value, text). Series names go right of the end of each line (names_at="end", in a margin
    as wide as the longest name) or, with names_at="above-end", just above the end of each line,
    inside the plot: right for lines that rise and end flat (a name never sits on its line)."""
    left = max(max(text_width(text) for _, text in y_ticks) + 8,
               text_width(x_ticks[0][1]) / 2 + 2)
    margin = max(text_width(s.label) for s in series) + 10 if names_at == "end" else 0
    right = WIDTH - max(margin, text_width(x_ticks[-1][1]) / 2 + 2)
    top, bottom = FONT * 2 + 6, 250
    xs = [x_of(x) for s in series for x, _ in s.points] + [v for v, _ in x_ticks]
    ys = [float(y) for s in series for _, y in s.points] + [v for v, _ in y_ticks]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (right - left)

    def py(y: float) -> float:
        return bottom - (y - y0) / (y1 - y0) * (bottom - top)

    parts = [_open(bottom + 2 * FONT + 20, label),
             _text(2, FONT, y_title, extra=' font-weight="bold"')]
    for value, text in y_ticks:
        parts.append(f'<line class="chart-grid" x1="{left}" x2="{_num(right)}" '
                     f'y1="{_num(py(value))}" y2="{_num(py(value))}"/>')
        parts.append(_text(left - 4, py(value) + FONT / 3, text, "end"))
    parts.append(f'<line class="chart-axis" x1="{left}" x2="{_num(right)}" y1="{bottom}" '
                 f'y2="{bottom}"/>')
    for value, text in x_ticks:
        parts.append(_text(px(value), bottom + FONT + 8, text, "middle"))
    parts.append(_text((left + right) / 2, bottom + 2 * FONT + 14, x_title, "middle",
                       ' font-weight="bold"'))
    ends = []
    for i, s in enumerate(series):
        coords = [(px(x_of(x)), py(float(y))) for x, y in s.points]
        if step:   # the value holds until the next point: draw it flat, then up
            path = [coords[0]]
            for (_, ya), (xb, yb) in zip(coords, coords[1:], strict=False):
                path += [(xb, ya), (xb, yb)]
            coords_drawn = path
        else:
            coords_drawn = coords
        dash = f' stroke-dasharray="{DASHES[i]}"' if DASHES[i] else ""
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in coords_drawn)
        parts.append(f'<polyline class="chart-line chart-line--{i}" points="{points}" fill="none" '
                     f'stroke="{COLOURS[i]}" stroke-width="{WIDTHS[i]}"{dash}/>')
        for (x, y), (cx, cy) in zip(s.points, coords, strict=True):
            parts.append(f'<circle class="chart-point chart-line--{i}" cx="{_num(cx)}" '
                         f'cy="{_num(cy)}" r="2.6" fill="{COLOURS[i]}" '
                         f'data-series="{_attr(s.key)}" data-x="{_attr(x)}" data-y="{_attr(y)}"/>')
        ends.append(coords[-1])
    if len(series) > 1:
        order = sorted(range(len(series)), key=lambda i: ends[i][1])
        above = names_at == "above-end"
        wanted = [ends[i][1] - 7 if above else ends[i][1] + FONT / 3 for i in order]
        for i, y in zip(order, _spread(wanted, top, bottom), strict=True):
            x, anchor = (ends[i][0], "end") if above else (ends[i][0] + 6, "start")
            parts.append(_text(x, y, series[i].label, anchor, ' font-weight="bold"'))
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(bars: Sequence[tuple[str, object, object, str]], *, label: str, series: str,
              x_title: str, y_title: str) -> str:
    """Horizontal bars from zero: (name at the left, data-x, value, value as written)."""
    left, right, bar, gap = 48, WIDTH - 70, 18, 8
    top = FONT * 2 + 6
    high = float(max(v for _, _, v, _ in bars)) or 1.0
    parts = [_open(top + len(bars) * (bar + gap) + FONT + 14, label),
             _text(2, FONT, y_title, extra=' font-weight="bold"'),
             _text(WIDTH - 2, FONT, x_title, "end", ' font-weight="bold"')]
    for n, (name, x, value, shown) in enumerate(bars):
        y = top + n * (bar + gap)
        width = max(float(value) / high * (right - left), 1)
        parts.append(_text(left - 6, y + bar / 2 + FONT / 3, name, "end"))
        parts.append(f'<rect class="chart-bar" x="{left}" y="{_num(y)}" width="{_num(width)}" '
                     f'height="{bar}" fill="{COLOURS[0]}" data-series="{_attr(series)}" '
                     f'data-x="{_attr(x)}" data-y="{_attr(value)}"/>')
        parts.append(_text(left + width + 4, y + bar / 2 + FONT / 3, shown))
    bottom = top + len(bars) * (bar + gap) - gap / 2
    parts.append(f'<line class="chart-axis" x1="{left}" x2="{left}" y1="{top - 4}" '
                 f'y2="{_num(bottom)}"/>')
    parts.append("</svg>")
    return "".join(parts)
