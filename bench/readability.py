"""Flesch–Kincaid grade of every English page's running text, from a built site.

Used by tests/test_readability.py; also runs alone on any build:

    python -m bench.readability site/

What counts is what a reader reads as prose in the article (`.md-content__inner`): paragraphs,
list items, headings, admonitions, the home page's target cards and tables that hold words.
Each heading, list item, table cell, line broken by <br> and label between " · " is its own unit:
a unit that does not end with . ! or ? gets a full stop, so a heading is not glued to the sentence
after it. (textstat then counts a unit of one or two words as words but not as a sentence, so
short headings make a page score harder, never easier.)

Left out, and why (nothing else is):
- the header, navigation, footer and sidebars: they are outside the article;
- the '#' permalink after each heading (`a.headerlink`): a symbol, not a word;
- <script> (structured data, the calculators' words as JSON) and <svg>: not text on the page;
- code (<pre>, <code>): commands and values, not sentences;
- the QR block (`details.page-qr`): a label and a web address;
- Chinese text (any element with lang="zh", such as the glossary's "Chinese: 养老保险" labels,
  `p.term-other`): not English;
- the glossary's index of all terms (`p.term-index`), its "Used on:" lists of the pages where a
  term appears (`p.term-used`), and the measure and FAQ label lines
  (`p.measure-meta`, `p.faq-meta`: "Clause (1) · Part 3", "Measure: … Source: …"): lists of
  names that lead elsewhere, like navigation;
- in the lists under a "Sources" heading (`#sources`), the linked document titles: official names
  we cite and may not shorten (the numbers, labels and our notes beside them still count);
- tables of numbers: a table where more than half the data cells (<td>) have more digits than letters
  (contribution tables, payment-month tables). Other tables count, cell by cell.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

import textstat
from bs4 import BeautifulSoup, NavigableString, Tag

# The whole-document translation of the policy is the policy's own long sentences, translated:
# it is measured but not held to the limits.
EXEMPT = {"policy/"}

DROP = ", ".join([
    "a.headerlink", "script", "style", "svg", "pre", "code", "details.page-qr", "[lang=zh]",
    "p.term-other", "p.term-index", "p.term-used", "p.measure-meta", "p.faq-meta",
])
# Elements whose text is one unit; nested blocks inside them (a list in a list item) are
# units of their own.
UNIT = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd",
        "summary", "figcaption", "blockquote", "div")
ENDS = (".", "!", "?")


def _is_number_table(table: Tag) -> bool:
    cells = [c.get_text(" ", strip=True) for c in table.select("td")]
    numeric = [c for c in cells
               if len(re.findall(r"\d", c)) > len(re.findall(r"[A-Za-z]", c))]
    return bool(cells) and len(numeric) * 2 > len(cells)


def _drop_source_titles(article: Tag) -> None:
    heading = article.find(id="sources")
    if heading is None:
        return
    for sibling in heading.find_next_siblings():
        if sibling.name and re.fullmatch(r"h[1-6]", sibling.name):
            break
        if sibling.name in ("ul", "ol"):
            for title in sibling.select('li > a[href^="http"]'):
                title.decompose()


def _units(node: Tag) -> list[str]:
    """The text of `node` split into units: one per block element and per <br> line."""
    units: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(current)).strip()
        current.clear()
        if re.search(r"[A-Za-z0-9]", text):
            units.append(text if text.endswith(ENDS) else text + ".")

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, NavigableString):
                # " · " separates labels ("Clause (1) · Part 3"), as a line break would.
                for i, part in enumerate(str(child).split("·")):
                    if i:
                        flush()
                    current.append(part)
            elif child.name == "br":
                flush()
            elif child.name in UNIT or child.name in ("ul", "ol", "table", "tr"):
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    walk(node)
    flush()
    return units


def running_text(html: str) -> str:
    """The running text of a page's article, as sentences separated by spaces."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one(".md-content__inner")
    if article is None:
        raise ValueError("no article (.md-content__inner) in the page")
    for element in article.select(DROP):
        element.decompose()
    _drop_source_titles(article)
    for table in article.select("table"):
        if _is_number_table(table):
            table.decompose()
    return " ".join(_units(article))


def grade(text: str) -> float:
    """Flesch–Kincaid grade (US school grade) of English text, by textstat."""
    return round(textstat.flesch_kincaid_grade(text), 1)


def english_pages(site: Path) -> dict[str, Path]:
    """{'measures/basic-pension/': path} for every English page (site/en/**/index.html)."""
    root = site / "en"
    pages = {}
    for path in sorted(root.rglob("index.html")):
        folder = path.parent.relative_to(root).as_posix()
        pages["" if folder == "." else folder + "/"] = path
    return pages


def page_grades(site: Path) -> dict[str, float]:
    """{page: grade} for every English page, exempt ones included."""
    return {page: grade(running_text(path.read_text(encoding="utf-8")))
            for page, path in english_pages(site).items()}


def table(grades: dict[str, float]) -> str:
    """Pages sorted from hardest to easiest, with the median of the pages held to the limits."""
    rows = [f"{value:5.1f}  /en/{page}{'  (exempt)' if page in EXEMPT else ''}"
            for page, value in sorted(grades.items(), key=lambda item: (-item[1], item[0]))]
    held = [value for page, value in grades.items() if page not in EXEMPT]
    rows.append(f"median {statistics.median(held):.1f} over {len(held)} pages")
    return "\n".join(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "en").is_dir():
        sys.exit("usage: python -m bench.readability SITE_DIR  (a built site with an en/ folder)")
    print(table(page_grades(Path(sys.argv[1]))))
