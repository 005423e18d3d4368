"""The finder page (docs/finder.md): "which measures apply to me?" Pure functions of SiteData.

`<!-- site:finder -->` becomes the four questions and every possible part of the answer, written
at build time from data and hidden: the measures (with their audience tags), each guide's link
and steps, the hukou notes and paying steps (claims, with their force and cited sentences, as on
every other page), the calculators. docs/assets/js/finder.js only shows the parts that fit the
answers and puts the answers into links: it writes no words and parses nothing as HTML. Without
JavaScript the form and the answer stay hidden and `<!-- site:finder-guides -->` lists the guides
by situation. Everything here is kept out of the search index (data-search-exclude): it repeats
the measures' and guides' own words, which would pull the finder above the pages they belong to.
"""

from __future__ import annotations

import json
from html import escape

from hooks.load.claims import FORCES
from hooks.render.measures import page_title
from hooks.render.policy import claim_note
from hooks.render.textfmt import labelled, t, ui

DEPTH = 1   # /finder/ and /en/finder/ are one folder below their language's root


def _h(text: str) -> str:
    return escape(text, quote=True)


def _attr(values) -> str:
    return _h(" ".join(values))


def _radios(name: str, legend: str, choices: list[tuple[str, str]],
            audiences: dict[str, str] | None = None) -> str:
    """audiences: {value: audience id} for a choice that adds an audience (data-audience)."""
    audiences = audiences or {}
    items = "".join(
        f'<div class="finder-opt"><input type="radio" name="{name}" id="finder-{name}-{value}" '
        f'value="{_h(value)}"' + (f' data-audience="{audiences[value]}"' if value in audiences else "")
        + f'><label for="finder-{name}-{value}">{_h(label)}</label></div>'
        for value, label in choices)
    return (f'<fieldset class="finder-q" data-question="{name}"><legend>{_h(legend)}</legend>'
            f'{items}</fieldset>')


def _form(site, lang: str) -> str:
    f, w = site.finder, site.finder["words"]
    who = [(a["id"], t(a["name"], lang)) for a in site.audiences]
    who += [(c["id"], t(c["label"], lang)) for c in f["who"]]
    birth = (f'<div class="finder-q" data-question="birth"><label for="finder-birth">'
             f'{_h(t(w["q_birth"], lang))}</label>'
             f'<p class="finder-hint" id="finder-birth-hint">{_h(t(w["birth_hint"], lang))}</p>'
             '<input type="text" id="finder-birth" name="birth" inputmode="numeric" autocomplete="off" '
             'aria-describedby="finder-birth-hint finder-birth-msg">'
             '<p class="finder-msg" id="finder-birth-msg" aria-live="polite"></p></div>')
    return (f'<form class="finder-form" id="finder-form" aria-label="{_h(t(w["form_label"], lang))}" '
            'novalidate>'
            + _radios("who", t(w["q_who"], lang), who)
            + _radios("hukou", t(w["q_hukou"], lang), [(c["id"], t(c["label"], lang)) for c in f["hukou"]],
                      {c["id"]: c["audience"] for c in f["hukou"] if "audience" in c})
            + birth
            + _radios("paying", t(w["q_paying"], lang), [(c["id"], t(c["label"], lang)) for c in f["paying"]])
            + "</form>")


def _forces(site, m: dict, lang: str) -> str:
    """A measure's forces, strongest wording first, as the words every claim badge uses."""
    found = [f for f in FORCES if any(c["force"] == f for c in m["changes"])]
    badges = " ".join(f'<span class="claim-force" data-force="{f}">{_h(ui(site.ui, f"force_{f}", lang))}</span>'
                      for f in found)
    return (f'<span class="finder-forces">{_h(t(site.finder["words"]["forces_label"], lang))} '
            f'{badges}</span>')


def _measures(site, lang: str) -> str:
    w = site.finder["words"]
    items = "".join(
        f'<li data-audiences="{_attr(m["audiences"])}" hidden>'
        f'<a href="../measures/{m["id"]}/">{_h(page_title(m, lang, site.ui))}</a>'
        f'<span class="finder-summary">{_h(t(m["summary"], lang))}</span>{_forces(site, m, lang)}</li>'
        for m in site.measures)
    return (f'<div class="finder-part" data-part="measures" hidden><h3>{_h(t(w["measures_heading"], lang))}</h3>'
            f'<p class="finder-count" data-count></p><ul class="finder-measures">{items}</ul></div>')


def _guides(site, lang: str) -> str:
    w = site.finder["words"]
    blocks = "".join(
        f'<div data-audience="{g["audience"]}" hidden><p><a href="../guides/{g["id"]}/"><strong>'
        f'{_h(t(g["title"], lang))}</strong></a><br>{_h(t(g["summary"], lang))}</p></div>'
        for g in site.guides)
    return (f'<div class="finder-part" data-part="guide" hidden><h3>{_h(t(w["guide_heading"], lang))}</h3>'
            f'{blocks}</div>')


def _hukou(site, lang: str) -> str:
    w = site.finder["words"]
    items = "".join(
        f'<li data-hukou="{h["id"]}" data-who="{_attr(note.get("who", []))}" hidden>'
        f'{_h(t(note, lang))} {claim_note(site, note, lang, DEPTH)}</li>'
        for h in site.finder["hukou"] for note in h["notes"])
    return (f'<div class="finder-part" data-part="hukou" hidden><h3>{_h(t(w["hukou_heading"], lang))}</h3>'
            f'<ul>{items}</ul></div>')


def _faq_link(site, faq_id: str, lang: str) -> str:
    q = next(q for q in site.faq if q["id"] == faq_id)
    return f'<a href="../faq/#{faq_id}">{_h(t(q["question"], lang))}</a>'


def _steps(site, lang: str) -> str:
    w = site.finder["words"]
    lists = "".join(
        f'<div data-audience="{g["audience"]}" hidden><p><a href="../guides/{g["id"]}/#steps">'
        f'{_h(t(g["title"], lang))}</a></p><ol>'
        + "".join(f'<li>{_h(t(s["title"], lang))}</li>' for s in g["steps"]) + "</ol></div>"
        for g in site.guides)
    paying = "".join(
        f'<p data-paying="{p["id"]}" hidden>{_h(t(p["next"], lang))} {claim_note(site, p, lang, DEPTH)}'
        + (f'<br>{_faq_link(site, p["faq"], lang)}' if "faq" in p else "") + "</p>"
        for p in site.finder["paying"])
    return (f'<div class="finder-part" data-part="steps" hidden><h3>{_h(t(w["steps_heading"], lang))}</h3>'
            f'{lists}{paying}</div>')


def _calc_items(site, calc: dict, lang: str) -> str:
    """The calculator's list items: one plain link, and, when the calculator takes an answer (the
    month of birth), one link per choice of its choice fields beside it, which the finder does not
    ask (men and women retire at different ages), shown instead once the answer is given: the
    reader picks the one that fits. The script adds the answers to those links."""
    every = [c["id"] for c in site.finder["who"] if c.get("calculators") == "all"]
    tags = _attr(g["audience"] for g in site.guides if calc["id"] in g["calculators"])
    fills = {field: answer for answer, field in site.finder["fills"].items()}
    filled = [f for f in calc["fields"] if f["name"] in fills]
    name, href = t(calc["name"], lang), f"../calculators/{calc['id']}/"

    def item(link: str, kind: str) -> str:
        return f'<li data-audiences="{tags}" data-who="{_attr(every)}" {kind} hidden>{link}</li>'

    plain = item(f'<a href="{href}">{_h(name)}</a>', "data-plain")
    if not filled:
        return plain
    fill = _attr(f"{f['name']}={fills[f['name']]}" for f in filled)
    side = filled[0].get("when")
    picks = [f for f in calc["fields"] if f["kind"] == "choice" and f.get("when") == side]
    combos: list[tuple[list[str], list[str]]] = [([], [])]   # (query parts, the choices' words)
    for pick in picks:
        combos = [(query + [f"{pick['name']}={value}"], words + [t(site.calc_ui[word], lang)])
                  for query, words in combos for value, word in pick["choices"].items()]
    pattern = t(site.finder["words"]["calc_choice"], lang)
    return plain + "".join(
        item(f'<a href="{href}" data-fill="{fill}" data-query="{_h("&".join(query))}">'
             f'{_h(pattern.format(name=name, choice=" / ".join(words)) if words else name)}</a>',
             "data-filled")
        for query, words in combos)


def _calculators(site, lang: str) -> str:
    w = site.finder["words"]
    items = "".join(_calc_items(site, c, lang) for c in site.calculators)
    return (f'<div class="finder-part" data-part="calcs" hidden><h3>{_h(t(w["calculators_heading"], lang))}</h3>'
            f'<p class="finder-filled-note" hidden>{_h(t(w["calc_birth_note"], lang))}</p>'
            f'<ul class="finder-calcs">{items}</ul></div>')


def _who_texts(site, lang: str) -> str:
    w = site.finder["words"]
    out = []
    for c in site.finder["who"]:
        body = f'<p>{_h(t(c["text"], lang))}</p>'
        if "faq" in c:
            q = next(q for q in site.faq if q["id"] == c["faq"])
            body += (f'<p><strong>{_h(t(q["question"], lang))}</strong></p><p>{_h(t(q["answer"], lang))} '
                     f'{claim_note(site, q, lang, DEPTH)}</p>'
                     f'<p><a href="../faq/#{c["faq"]}">{_h(t(w["faq_link"], lang))}</a></p>')
        else:
            body += (f'<p><a href="../guides/">{_h(t(w["all_guides"], lang))}</a> · '
                     f'<a href="../measures/">{_h(t(w["all_measures"], lang))}</a></p>')
        out.append(f'<div class="finder-part" data-who="{c["id"]}" hidden>{body}</div>')
    return "".join(out)


def finder_app(site, lang: str) -> str:
    w = site.finder["words"]
    # Only the words the script names (hooks/load/required_words.py found them in finder.js).
    script_words = json.dumps({key: t(w[key], lang) for key in sorted(site.finder_script_words)},
                              ensure_ascii=False)
    return (
        f'<div class="finder" id="finder" data-search-exclude data-words="{_h(script_words)}" hidden>'
        # The notice first: a link with a value we cannot use says so before the questions.
        + f'<div class="admonition warning finder-notice" id="finder-notice" role="alert" hidden>'
          f'<p class="admonition-title">{_h(t(w["notice_heading"], lang))}</p><ul></ul></div>'
        + _form(site, lang)
        + f'<section class="finder-answer" id="finder-answer" aria-live="polite" aria-labelledby="answer">'
          f'<h2 id="answer">{_h(t(w["answer_heading"], lang))}</h2>'
          f'<p class="finder-empty">{_h(t(w["answer_empty"], lang))}</p>'
        + _who_texts(site, lang) + _measures(site, lang) + _guides(site, lang) + _hukou(site, lang)
        + _steps(site, lang) + _calculators(site, lang)
        + f'<div class="finder-part finder-link" data-part="link" hidden><h3>{_h(t(w["link_heading"], lang))}</h3>'
          f'<p>{_h(t(w["link_note"], lang))}</p><button type="button" class="md-button" id="finder-copy">'
          f'{_h(t(w["copy"], lang))}</button><p class="finder-status" role="status"></p></div>'
        + "</section></div>\n")


def guides_by_situation(site, lang: str) -> str:
    """The no-JavaScript answer: each situation and its guide, built from the audiences and the
    guides; then the finder's own choices (retired: their question answered in the FAQ)."""
    w, u = site.finder["words"], site.ui
    guides = {g["audience"]: g for g in site.guides}
    lines = ['<div class="finder-guides" data-search-exclude markdown>', "", t(w["guides_intro"], lang), ""]
    for a in site.audiences:
        if a["id"] in guides:
            g = guides[a["id"]]
            lines.append("- " + labelled(u, f"**{t(a['name'], lang)}**",
                                         f"[{t(g['title'], lang)}](guides/{g['id']}.md)", lang))
    for c in site.finder["who"]:
        target = (f"[{t(next(q for q in site.faq if q['id'] == c['faq'])['question'], lang)}]"
                  f"(faq/index.md#{c['faq']})" if "faq" in c
                  else f"[{t(w['all_guides'], lang)}](guides/index.md)")
        lines.append("- " + labelled(u, f"**{t(c['label'], lang)}**", target, lang))
    return "\n".join(lines) + "\n\n</div>\n"


RENDERERS = {"finder": finder_app, "finder-guides": guides_by_situation}
