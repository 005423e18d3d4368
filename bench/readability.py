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
- the QR block (`details.page-qr`): a label and a web address; the share block (`section.share`):
  the page's title and summary again with its address, to copy, and its button;
- Chinese text (any element with lang="zh", such as the glossary's "Chinese: 养老保险" labels,
  `p.term-other`): not English;
- the glossary's index of all terms (`p.term-index`), its "Used on:" lists of the pages where a
  term appears (`p.term-used`), and the measure and FAQ label lines
  (`p.measure-meta`, `p.faq-meta`: "Clause (1) · Part 3", "Measure: … Source: …"): lists of
  names that lead elsewhere, like navigation;
- the "On this page" links under a long page's summary (`nav.page-jumps`): its own headings
  again, as navigation; each heading is measured where it stands;
- on measure pages, the folded quote of the clause (`details.policy-fold`): the policy's own
  sentences, translated; they are the whole-document translation (/en/policy/), measured there and
  exempt like it. And the label after each point of "What changes" (`a.claim-cite`: "Rule
  clause (4), sentence 2"), a link to that sentence of the text, like the label lines above; the
  same label line under FAQ answers and guide steps (`.claim-note`: "Based on the text: Rule
  clause (4), sentence 1");
- in the lists under a "Sources" heading (`#sources`), the linked document titles: official names
  we cite and may not shorten (the numbers, labels and our notes beside them still count);
- the outreach kit's flyers (/en/kit/guides/…, /en/kit/measures/…): each repeats its own page's
  summary, points and step titles, which are measured on that page (a flyer is that page's
  digest, not more text); and on /en/kit/ the list of flyers (`div.kit-list`): names that lead
  elsewhere, like navigation;
- tables of numbers: a table where more than half the data cells (<td>) have more digits than letters
  (contribution tables, payment-month tables). Other tables count, cell by cell.

Two measures of the same text (both are held to the limits by tests/test_readability.py):
- "units" (`running_text`): each unit ends a sentence, as described above;
- "joined" (`joined_text`): the same text, every block joined with a space and NO full stop added,
  so a heading or a list item without its own full stop runs into the next sentence. This is how
  issue 10 measured: on a build of commit 21904b5 it gives the issue's median of 8.7 exactly
  (About 12.1, glossary 11.7, pension estimate 9.4 against the issue's 14.2, 12.1 and 11.4; no
  choice of what to leave out matched all three: keeping the source titles gives About 15.9 and
  pension estimate 11.7, but a median of 9.0). It is the stricter of the two.
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
    "details.policy-fold", "a.claim-cite", ".claim-note", "nav.page-jumps", "div.kit-list",
    "section.share",
])
# The flyers (hooks/render/flyers.py): their page's own text again, measured there.
DIGESTS = re.compile(r"^kit/(guides|measures)/")
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


def _article(html: str) -> Tag:
    """The page's article without the parts that are left out (see the top of this file)."""
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
    return article


def running_text(html: str) -> str:
    """The "units" measure's text: the article's units, each ending a sentence."""
    return " ".join(_units(_article(html)))


def joined_text(html: str) -> str:
    """The "joined" measure's text: the article's text, blocks joined by spaces, no stop added."""
    return re.sub(r"\s+", " ", _article(html).get_text(" ")).strip()


MEASURES = {"units": running_text, "joined": joined_text}


def grade(text: str) -> float:
    """Flesch–Kincaid grade (US school grade) of English text, by textstat."""
    return round(textstat.flesch_kincaid_grade(text), 1)


def english_pages(site: Path) -> dict[str, Path]:
    """{'measures/basic-pension/': path} for every English page (site/en/**/index.html)."""
    root = site / "en"
    pages = {}
    for path in sorted(root.rglob("index.html")):
        folder = path.parent.relative_to(root).as_posix()
        page = "" if folder == "." else folder + "/"
        if not DIGESTS.match(page):
            pages[page] = path
    return pages


def page_grades(site: Path) -> dict[str, dict[str, float]]:
    """{measure: {page: grade}} for every English page, exempt ones included."""
    texts = {page: path.read_text(encoding="utf-8") for page, path in english_pages(site).items()}
    return {name: {page: grade(text(html)) for page, html in texts.items()}
            for name, text in MEASURES.items()}


def median(grades: dict[str, float]) -> float:
    """The median grade of the pages held to the limits."""
    return statistics.median(value for page, value in grades.items() if page not in EXEMPT)


def table(grades: dict[str, dict[str, float]]) -> str:
    """Pages from hardest to easiest (by the joined measure), one column per measure."""
    joined, units = grades["joined"], grades["units"]
    rows = ["joined  units  page"]
    rows += [f"{joined[page]:6.1f} {units[page]:6.1f}  /en/{page}"
             f"{'  (exempt)' if page in EXEMPT else ''}"
             for page in sorted(joined, key=lambda page: (-joined[page], -units[page], page))]
    held = sum(page not in EXEMPT for page in joined)
    rows.append(f"{median(joined):6.1f} {median(units):6.1f}  median over {held} pages")
    return "\n".join(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "en").is_dir():
        sys.exit("usage: python -m bench.readability SITE_DIR  (a built site with an en/ folder)")
    print(table(page_grades(Path(sys.argv[1]))))
