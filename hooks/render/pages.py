"""Every generated page, as {path under docs/: Markdown}, for both languages.

Paths follow mkdocs-static-i18n's suffix structure: `x.md` is Chinese (the default language),
`x.en.md` is English, so both share one slug: /x/ and /en/x/.
"""

from __future__ import annotations

from hooks.load.languages import LANGS, page_path
from hooks.render import dated_notice
from hooks.render import examples as examples_md
from hooks.render import measures as render_measures
from hooks.render import policy as render_policy
from hooks.render import reader as render_reader

# Folders under docs/ that belong to the generator: it may write and delete files there.
GENERATED_DIRS = ("measures", "guides", "faq", "glossary", render_policy.POLICY_DIR,
                  "kit")   # hooks/render/flyers.py KIT_DIR: the flyers and their list


def build_pages(site, params=None) -> dict[str, str]:
    pages: dict[str, str] = {}
    for lang in LANGS:
        for path, text in _pages_in(site, params, lang).items():
            pages[page_path(path, lang)] = text
    return pages


def _pages_in(site, params, lang: str) -> dict[str, str]:
    """One language's pages, by their path in the default language."""
    guide_ids = {g["id"] for g in site.guides}
    pages = {"measures/index.md": render_measures.render_index(site, lang),
             f"{render_policy.POLICY_DIR}/index.md": render_policy.render_policy_page(site, lang)}
    for m in site.measures:
        pages[f"measures/{m['id']}.md"] = render_measures.render_measure(
            site, m, lang,
            examples_md=_examples_for(site, params, m["id"], lang),
            faq_md=render_reader.faq_for_measure(site, m["id"], lang),
            guide_ids=guide_ids,
        )
    pages.update(render_reader.reader_pages(site, lang))
    if params is not None:
        last = dated_notice.last_published_year(params)
        for path, text in pages.items():
            if not path.startswith(("glossary/", f"{render_policy.POLICY_DIR}/")):
                pages[path] = dated_notice.add_notice(text, last, site.ui, lang)
    return pages


def _examples_for(site, params, measure_id: str, lang: str) -> str:
    if params is None:
        return ""
    parts = []
    for ex in (e for e in site.examples if e["measure"] == measure_id):
        result = examples_md.compute_example(ex, params)
        parts.append(examples_md.render_example(ex, result, lang, site.sources, site.example_words,
                                                     site.calc_ui, site.calculators))
    return "\n\n".join(parts)
