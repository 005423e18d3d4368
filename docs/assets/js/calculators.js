// Calculator pages: build the form in <div class="calc" data-calc=RULE data-params=URL>, read the
// inputs from the URL query, compute with PensionCore (calc/core.js) and show every result in
// [data-output=NAME] with data-value, plus the working, a stamp, parameter flags and sources.
// All text goes in with textContent: nothing from the URL is ever parsed as HTML.
(function () {
  "use strict";
  var C = window.PensionCore;
  var T = {};  // per page: <script type="application/json" class="calc-text"> (hooks/render/calculators.py)
  // The working's words, as the worked examples word theirs (data/example_words.yml: step_line,
  // steps, units), from <script type="application/json" class="calc-steps">.
  var W;
  var MONTHS = "January February March April May June July August September October November December".split(" ");
  var lang, L;

  function tr(key, vals) {
    return (L[key] || key).replace(/\{(\w+)\}/g, function (_, k) { return vals && vals[k] !== undefined ? vals[k] : ""; });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // Display helpers (machine values come from C.str).
  function group(s) { var p = s.split("."); p[0] = p[0].replace(/\B(?=(\d{3})+(?!\d))/g, ","); return p.join("."); }
  function money(v) { return group(C.str(v, 2)); }
  function amount(v) { return group(C.str(v)); }
  function pct(v) { return C.str(C.mul(v, 100)) + "%"; }
  function ageText(a) { return a.months ? tr("age_fmt", { y: a.years, m: a.months }) : tr("age_whole", { y: a.years }); }
  // One working step, as hooks/render/examples.py writes it (fmt_number, render_step).
  function termText(t) {
    if (typeof t !== "object") return String(t);
    var v = t.value;
    if (typeof v === "boolean" || typeof v === "string") return String(v);
    if (t.kind === "rate") return pct(v);
    if (t.kind === "money") return money(v);
    if (t.kind === "amount") return C.cmp(C.round(v, 0), v) === 0 ? group(C.str(v, 0)) : money(v);
    return typeof v === "number" ? String(v) : C.str(v, v.s);
  }
  function stepLine(step) {
    var what = W.steps[step.name];
    if (what === undefined) throw new Error("data/example_words.yml has no words for the step " + step.name);
    var sums = step.terms.map(termText).join(" ").replace(/\( /g, "(").replace(/ \)/g, ")");
    var vals = { what: what, sums: sums, result: termText(step.result), unit: W.units[step.unit] || "" };
    return W.step_line.replace(/\{(\w+)\}/g, function (_, k) { return vals[k]; });
  }
  function ymText(s) { var y = s.slice(0, 4), m = +s.slice(5); return tr("ym_fmt", { y: y, m: m, M: MONTHS[m - 1] }); }

  // --- input parsing ----------------------------------------------------------------------
  function norm(s) {
    return String(s).replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\s,，、]/g, "").replace(/[。]/g, ".").replace(/元|%|％/g, "");
  }
  function parseNum(raw) {
    var s = norm(raw);
    if (!s) return { err: "empty" };
    var wan = /万$/.test(s);
    if (wan) s = s.slice(0, -1);
    if (/^-/.test(s) && /^-\d*\.?\d+$/.test(s)) return { err: "negative" };
    if (!/^\d*\.?\d+$|^\d+\.$/.test(s)) return { err: "nan" };
    var v = C.dec(s.replace(/\.$/, ""));
    if (wan) v = C.mul(v, 10000);
    return { v: v };
  }
  function parseBirth(raw) {
    var s = norm(raw).replace(/月$/, ""), m = /^(\d{4})(?:[-/.年]|(?=\d{2}$))(\d{1,2})$/.exec(s);
    if (!s) return { err: "empty" };
    if (!m) return { err: "bad_date" };
    if (+m[2] < 1 || +m[2] > 12) return { err: "no_month" };
    return { v: m[1] + "-" + ("0" + +m[2]).slice(-2) };
  }

  // --- the forms ---------------------------------------------------------------------------
  // The fields come from the calculator's entry in data/calculators.yml, which the page carries in
  // <script type="application/json" class="calc-spec"> (hooks/render/calculators.py).
  var KIND = { month: "ym", year: "year", money: "money", number: "num", whole: "int", changes: "changes",
               choice: "choice", switch: "switch" };
  function formFields(spec) {
    return spec.fields.map(function (f) {
      var when = f.when ? f.when[Object.keys(f.when)[0]] : undefined;
      return { name: f.name, kind: KIND[f.kind], show: when, optional: !!f.optional, choices: f.choices,
               inLink: !!f.in_link };
    });
  }

  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    lang = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
    var text = document.querySelector("script.calc-text"), spec = document.querySelector("script.calc-spec");
    var steps = document.querySelector("script.calc-steps");
    if (!text || !spec || !steps) return;
    L = T[lang] = T[lang] || JSON.parse(text.textContent);
    W = JSON.parse(steps.textContent);
    box.spec = JSON.parse(spec.textContent);
    fetch(new URL(box.getAttribute("data-params"), document.baseURI)).then(function (r) { return r.json(); })
      .then(function (P) { build(box, P); });
  }

  function build(box, P) {
    var rule = box.getAttribute("data-calc"), form = el("form", { class: "calc-form", novalidate: "" });
    var yearField = box.spec.fields.filter(function (f) { return f.kind === "year"; })[0];
    var years = yearField ? Object.keys(P.parameters[yearField.years_of].values).sort() : [];
    var fields = {}, q = new URLSearchParams(location.search);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    formFields(box.spec).forEach(function (f) {
      var name = f.name, kind = f.kind, id = "calc-" + name, wrap = el("div", { class: "calc-field", "data-field": name });
      var label = el("label", { for: id }, L[name] || name), input;
      if (kind === "choice" || kind === "switch" || kind === "year") {
        input = el("select", { id: id, name: name });
        (kind === "year" ? years : Object.keys(f.choices)).forEach(function (o) {
          input.appendChild(el("option", { value: o }, kind === "year" ? o : L[f.choices[o]]));
        });
        if (kind === "year") input.value = years[years.length - 1];
      } else if (kind === "changes") {
        input = el("div", { class: "calc-changes", id: id });
        var add = el("button", { type: "button", class: "md-button calc-add" }, L.add_change);
        add.addEventListener("click", function () { addChange(input, "", ""); update(); });
        wrap.appendChild(el("p", { class: "calc-label", id: id + "-label" }, L.changes));
        wrap.appendChild(input);
        wrap.appendChild(el("p", { class: "calc-msg", id: id + "-msg", "aria-live": "polite" }));
        wrap.appendChild(add);
        label = null;
      } else {
        input = el("input", { id: id, name: name, type: "text", autocomplete: "off",
                              inputmode: kind === "ym" || kind === "int" ? "numeric" : "decimal",
                              placeholder: kind === "ym" ? L.birth_ph : null });
      }
      if (label) wrap.appendChild(label);
      if (kind !== "changes") {
        var msg = el("p", { class: "calc-msg", id: id + "-msg", "aria-live": "polite" });
        input.setAttribute("aria-describedby", id + "-msg");
        wrap.appendChild(input);
        wrap.appendChild(msg);
      }
      fields[name] = { name: name, input: input, kind: kind, show: f.show, optional: f.optional, wrap: wrap,
                       inLink: f.inLink, choices: f.choices };
      form.appendChild(wrap);
    });
    // Values from the URL (set as .value: never parsed as HTML). Each is used, normalised, or
    // kept as it came and refused with a message naming it (mark, read). Unknown names are ignored.
    readLink(fields, q, years);
    var actions = el("div", { class: "calc-actions" }), copy = el("button", { type: "button", class: "md-button" }, L.copy);
    var status = el("p", { class: "calc-status", role: "status" });
    copy.addEventListener("click", function () { copyLink(status); });
    actions.appendChild(copy);
    actions.appendChild(status);
    var out = el("div", { class: "calc-result", "aria-live": "polite" });
    box.textContent = "";
    box.appendChild(form);
    box.appendChild(out);
    box.appendChild(actions);
    var ctx = { P: P, rule: rule, fields: fields, out: out, form: form, spec: box.spec };
    form.addEventListener("input", function () { update(); });
    form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") update(); });
    function update() { compute(ctx); writeQuery(ctx); }
    ctx.update = update;
    compute(ctx);
    // A link with a value we cannot use: bring its field (and its message) onto the screen.
    var bad = q.toString() && form.querySelector('[aria-invalid="true"]');
    if (bad) {
      bad.scrollIntoView({ block: "center" });
      bad.focus({ preventScroll: true });
    }
  }

  // A select's choices as a reader of the link sees them: "code = label".
  function choices(sel) {
    return [].filter.call(sel.options, function (o) { return o.value; }).map(function (o) {
      return o.value === o.textContent ? o.value : o.value + (lang === "zh" ? "＝" : " = ") + o.textContent;
    }).join(lang === "zh" ? "、" : "; ");
  }
  function short(v) { v = String(v); return v.length > 40 ? v.slice(0, 40) + "…" : v; }
  function labelOf(f) { return f.wrap.querySelector("label, .calc-label").textContent; }
  // A select that cannot show the link's value gets an empty first choice, so nothing is
  // computed until the reader picks one; read() then shows f.refused.
  function refuseChoice(f, text) {
    var blank = el("option", { value: "" }, "—");
    f.input.insertBefore(blank, f.input.firstChild);
    f.input.value = "";
    f.refused = text;
  }
  function readLink(fields, q, years) {
    function has(names) { return names.filter(function (n) { return q.has(n) && fields[n]; }); }
    var pick = switchOf(fields);
    if (pick) {
      var sides = {}, names = Object.keys(fields);
      Object.keys(pick.choices).forEach(function (c) {
        sides[c] = has(names.filter(function (n) { return fields[n].show === c; }));
      });
      var keys = Object.keys(sides), given = pick.inLink ? q.get(pick.name) : null;
      if (given !== null) {
        if (keys.indexOf(given) >= 0) pick.input.value = given;
        else refuseChoice(pick, tr("link_choice", { field: labelOf(pick), v: short(given), opts: choices(pick.input) }));
      } else if (sides[keys[0]].length && sides[keys[1]].length) {
        refuseChoice(pick, tr("link_both", { a: sides[keys[0]].join(", "), b: sides[keys[1]].join(", "), field: labelOf(pick) }));
      } else pick.input.value = sides[keys[1]].length ? keys[1] : keys[0];
    }
    Object.keys(fields).forEach(function (name) {
      var f = fields[name], v = q.get(name);
      if (v === null || f.kind === "switch") return;
      if (f.kind === "changes") {
        v.split(",").forEach(function (part) {
          var m = /^\s*([^:]*):(.*)$/.exec(part);
          addChange(f.input, m ? norm(m[1]) : "", m ? m[2] : part, part);
        });
        return;
      }
      if (f.input.tagName !== "SELECT") { f.input.value = v; f.link = v; return; }
      var want = norm(v).toLowerCase();
      if ([].some.call(f.input.options, function (o) { return o.value === want; })) { f.input.value = want; return; }
      var last = years[years.length - 1];
      refuseChoice(f, tr(f.kind === "year" && /^\d{4}$/.test(want) && +want > +last ? "link_year_later" : "link_choice",
                         { field: labelOf(f), v: short(v), opts: choices(f.input), last: last }));
    });
  }

  function addChange(list, month, base, link) {
    var row = el("div", { class: "calc-change" }), sel = el("select", { "aria-label": L.from_month, "data-change": "month" });
    for (var m = 2; m <= 12; m++) sel.appendChild(el("option", { value: String(m) }, lang === "zh" ? m + "月起" : "from " + MONTHS[m - 1]));
    if (/^(?:[2-9]|1[0-2])$/.test(month)) sel.value = month;
    else if (link !== undefined) { sel.insertBefore(el("option", { value: "" }, "—"), sel.firstChild); sel.value = ""; }
    if (link !== undefined) row.setAttribute("data-link", link);
    var inp = el("input", { type: "text", inputmode: "decimal", "aria-label": L.base, "data-change": "base", autocomplete: "off" });
    inp.value = String(base);
    var del = el("button", { type: "button", class: "calc-remove", "aria-label": L.remove }, "×");
    del.addEventListener("click", function () { var f = row.closest("form"); row.remove(); f.dispatchEvent(new Event("input")); });
    row.setAttribute("data-start", sel.value + ":" + inp.value);
    row.appendChild(sel); row.appendChild(inp); row.appendChild(del);
    list.appendChild(row);
  }

  // The field that shows some fields and hides others (a calculator has at most one).
  function switchOf(fields) {
    var name = Object.keys(fields).filter(function (n) { return fields[n].kind === "switch"; })[0];
    return name ? fields[name] : null;
  }

  function visible(ctx, f) {
    if (!f.show) return true;
    return switchOf(ctx.fields).input.value === f.show;
  }

  function writeQuery(ctx) {
    var q = new URLSearchParams();
    Object.keys(ctx.fields).forEach(function (name) {
      var f = ctx.fields[name];
      if (f.kind === "switch" || !visible(ctx, f)) return;
      if (f.kind === "changes") {
        var parts = [].map.call(f.input.querySelectorAll(".calc-change"), function (r) {
          return r.querySelector("select").value + ":" + r.querySelector("input").value.trim();
        });
        if (parts.length) q.set(name, parts.join(","));
      } else if (f.input.value.trim() !== "") q.set(name, f.canon || f.input.value.trim());
    });
    // The switch, when the address names it and it is not on its first choice.
    var pick = switchOf(ctx.fields);
    if (pick && pick.inLink && pick.input.value !== Object.keys(pick.choices)[0]) q.set(pick.name, pick.input.value);
    var s = q.toString();
    history.replaceState(history.state, "", location.pathname + (s ? "?" + s : "") + location.hash);
    if (window.langSwitchSync) window.langSwitchSync();
  }

  function copyLink(status) {
    var url = location.href;
    function done() { status.textContent = L.copied; }
    function fallback() {
      var t = el("textarea", { readonly: "" });
      t.value = url;
      document.body.appendChild(t);
      t.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      t.remove();
      if (ok) return done();
      status.textContent = L.copy_fail;
      var box = el("input", { type: "text", readonly: "", class: "calc-link" });
      box.value = url;
      status.appendChild(box);
      box.select();
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
  }

  // Show a field error (or clear it); returns false when there is one.
  // A value still as the link gave it is named in the message, with the field's label.
  function mark(f, text, fix) {
    var msg = document.getElementById(f.input.id + "-msg");
    if (text && f.link !== undefined && f.input.value === f.link) {
      text = tr("link_value", { field: labelOf(f), v: short(f.link) }) + text;
    }
    msg.className = "calc-msg";
    msg.textContent = text || "";
    if (text) f.input.setAttribute("aria-invalid", "true"); else f.input.removeAttribute("aria-invalid");
    if (fix) {
      var b = el("button", { type: "button", class: "md-button calc-fix" }, fix.label);
      b.addEventListener("click", function () { f.input.value = fix.value; f.input.dispatchEvent(new Event("input", { bubbles: true })); });
      msg.appendChild(document.createTextNode(" "));
      msg.appendChild(b);
    }
    return !text;
  }

  function read(ctx) {
    var vals = {}, ok = true, any = false;
    Object.keys(ctx.fields).forEach(function (name) {
      var f = ctx.fields[name];
      f.wrap.hidden = !visible(ctx, f);
      if (f.kind === "changes") { vals[name] = f.input.value; return; }
      if (f.input.tagName === "SELECT") {
        vals[name] = f.input.value;
        if (f.input.value) { mark(f, ""); f.refused = null; } else if (!f.wrap.hidden) ok = mark(f, f.refused || L.choose) && false;
        return;
      }
      if (f.wrap.hidden) return;
      var raw = f.input.value, r;
      f.canon = null;
      if (raw.trim()) any = true;
      if (!raw.trim() && f.optional) { mark(f, ""); return; }
      r = f.kind === "ym" ? parseBirth(raw) : parseNum(raw);
      if (!r.err && f.kind === "int" && r.v.q !== BigInt(1)) r = { err: "whole" };
      if (r.err && !(r.err === "empty" && !raw.trim() && !ctx.touched && f.link === undefined)) {
        ok = mark(f, L[r.err + "_" + f.kind] || L[r.err]) && false;
      }
      else if (r.err) { mark(f, ""); ok = false; } else { mark(f, ""); vals[name] = r.v; f.canon = typeof r.v === "string" ? r.v : C.str(r.v); }
    });
    if (any) ctx.touched = true;
    return ok ? vals : null;
  }

  // What the empty result says: fill in, or fix the field marked in red.
  function prompt(ctx) {
    return el("p", { class: "calc-prompt" },
              ctx.form.querySelector('[aria-invalid="true"]') ? L.prompt_fix : L.prompt);
  }

  function compute(ctx) {
    var vals = read(ctx), out = ctx.out;
    out.textContent = "";
    if (!vals) { out.appendChild(prompt(ctx)); return; }
    var r;
    try { r = RENDER[ctx.rule](ctx, vals); } catch (e) {
      if (!e.code) throw e;
      out.appendChild(prompt(ctx));
      return;
    }
    if (!r) { out.appendChild(prompt(ctx)); return; }
    out.appendChild(el("h2", { id: "result" }, L.result));
    var dl = el("dl", { class: "calc-outputs" });
    outputRows(ctx, vals, r.answer).forEach(function (row) {
      dl.appendChild(el("dt", {}, row[0]));
      var dd = el("dd");
      row[1].forEach(function (part) {
        if (typeof part === "string") dd.appendChild(document.createTextNode(part));
        else dd.appendChild(el("span", { "data-output": part[0], "data-value": part[1] }, part[2]));
      });
      dl.appendChild(dd);
    });
    out.appendChild(dl);
    (r.notes || []).forEach(function (note) { out.appendChild(el("p", { class: "calc-note" }, note)); });
    var det = el("details", { class: "calc-working", open: "" });
    det.appendChild(el("summary", {}, L.working));
    var ol = el("ol");
    r.steps.forEach(function (step) { ol.appendChild(el("li", {}, stepLine(step))); });
    det.appendChild(ol);
    out.appendChild(det);
    out.appendChild(el("p", { class: "calc-stamp" }, stamp(ctx, r.params)));
    var flagged = r.params.filter(function (u) { return !u.verified || u.disputed || u.latest_applied; });
    if (flagged.length) {
      var box = el("div", { class: "calc-flags" });
      box.appendChild(el("p", {}, L.flags));
      var ul = el("ul");
      flagged.forEach(function (u) {
        var li = el("li", {}, u.description[lang] + (lang === "zh" ? "（" + u.key + "）：" : " (" + u.key + "): "));
        var bits = [];
        if (!u.verified) bits.push(L.unverified);
        if (u.disputed) bits.push(L.disputed);
        if (u.latest_applied) bits.push(L.latest);
        bits.push(L.confidence + (lang === "zh" ? "：" : ": ") + L["conf_" + u.confidence]);
        li.appendChild(document.createTextNode(bits.join(lang === "zh" ? "；" : "; ") + (lang === "zh" ? "。" : ". ")));
        li.appendChild(el("a", { href: "#src-" + u.source }, L.src));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      out.appendChild(box);
    }
  }

  function o(name, value, text) { return [name, value, text]; }
  // A typed number as the rules take it: its text, with the decimals as typed ("139.0").
  function numText(v) { return C.str(v, v.s); }
  // The numbers of a rule's working step `name` (its terms without the operators), in order.
  function nums(r, name) {
    var s = r.steps.filter(function (x) { return x.name === name; })[0];
    return s.terms.filter(function (t) { return typeof t === "object"; }).map(function (t) { return t.value; });
  }
  // The year the stamp names: that of the parameter the calculator's entry names (stamp_year_of
  // in data/calculators.yml) among those the result used; none: the national decision only.
  function stamp(ctx, params) {
    var used = params.filter(function (u) { return u.name === ctx.spec.stamp_year_of; })[0];
    return used ? tr("stamp", { year: used.key.slice(0, 4) }) : L.stamp_ret;
  }
  // PensionCore.run, with a refusal worded beside the field it names (details.field, or
  // `fields` mapping a rule's input name to the form's). Returns null when refused.
  function run(ctx, rule, input, fields) {
    try { return C.run(ctx.P, rule, input); } catch (e) {
      if (!e.code) throw e;
      var d = e.details || {}, name = (fields || {})[d.field] || d.field, f = ctx.fields[name];
      if (!f) throw e;
      refuse(ctx, f, e.code, d, input);
      return null;
    }
  }
  // Every refusal in the words of data/calculator_ui.yml, with the figures the rule gives for
  // that year (details).
  function refuse(ctx, f, code, d, input) {
    if (code === "tier_out_of_range") return tierError(ctx, f, d, input.percent === undefined ? input.tier : input.percent);
    if (code === "base_out_of_range") return baseError(ctx, f, d, input.base);
    if (code === "too_large") return mark(f, tr("too_large", { largest: amount(d.largest) }));
    if (code === "too_small") return mark(f, tr("too_small", d));
    if (code === "already_retired") return mark(f, tr("retired", d));
    if (code === "too_far") return mark(f, tr("too_far", d));
    if (code === "paid_over_age") return mark(f, tr("paid_over_age", d));
    if (code === "year_out_of_range") return mark(f, d.first === undefined ? L.date_range : tr("no_data", { year: d.asked }));
    // bad_value: a number the rule refuses; negatives never get here (the form refuses them),
    // so deemed years are more than all years, or a 计发基数 or 计发月数 is 0.
    if (code === "bad_value") return mark(f, f.name === "deemed_years" ? L.deemed_gt : L.zero);
    throw C.fail(code, d);
  }
  // A base out of range. A whole number that is a tier this year was probably meant as a tier
  // (a percentage): offer that tier's base; else offer the nearer limit.
  function baseError(ctx, f, d, base) {
    var b = C.dec(base), near = C.cmp(b, d.lower) < 0 ? d.lower : d.upper;
    var text = tr("out_range", { year: d.year, lower: amount(d.lower), upper: amount(d.upper) }), tb = null;
    if (b.q === BigInt(1)) {
      try { tb = C.run(ctx.P, "tier-base", { year: d.year, percent: C.num(b) }); } catch (e) { if (!e.code) throw e; }
    }
    if (tb) {
      near = tb.outputs.base;
      text = tr("base_tier", { v: C.str(b), year: d.year, b: amount(near) }) + text;
    }
    mark(f, text, { label: tr("use", { v: tr("yuan", { v: amount(near) }) }), value: C.str(near) });
  }
  // A tier out of that year's range. One above the highest tier was probably a base in yuan:
  // offer the tier whose base (the rule's tier-base) is nearest to it.
  function tierError(ctx, f, d, t) {
    var best = t < d.min ? d.min : d.max, text = tr("tier_range", d);
    if (t > d.max) {
      var gap = null;
      for (var p = d.min; p <= d.max; p++) {
        var base = C.run(ctx.P, "tier-base", { year: d.year, percent: p }).outputs.base;
        var off = C.num(C.sub(base, t));
        if (off < 0) off = -off;
        if (gap === null || off < gap) { gap = off; best = p; }
      }
      var lim = C.limits(ctx.P, d.year);
      text = tr("tier_yuan", { v: amount(t), year: d.year, lower: amount(lim.lower), upper: amount(lim.upper),
                               min: d.min, max: d.max, t: best });
    }
    mark(f, text, { label: tr("use", { v: best + "%" }), value: String(best) });
  }

  // --- the result rows, from the calculator's outputs in data/calculators.yml --------------
  // The answer: each rule's result (with the input it was given) by the rule's name, and the
  // last one as `result`; an output's `from` is a path in it.
  function keep(answer, rule, input, r) {
    r.input = input;
    answer[rule] = answer.result = r;
    return r;
  }
  function at(answer, path) {
    return path.split(".").reduce(function (v, k) { return v === undefined || v === null ? undefined : v[k]; }, answer);
  }
  // A pattern's text with a value element for some of its {placeholders}.
  function withValues(pattern, parts) {
    return pattern.split(/(\{\w+\})/).filter(Boolean).map(function (bit) {
      var m = /^\{(\w+)\}$/.exec(bit);
      return m && parts[m[1]] ? parts[m[1]] : bit;
    });
  }
  var FORMAT = {
    age: function (out, v) {
      return withValues(L.age_fmt, { y: o(out.name + "_years", String(v.years), String(v.years)),
                                     m: o(out.name + "_months", String(v.months), String(v.months)) });
    },
    month: function (out, v, answer) {
      var text = out.and_age ? tr("month_at_age", { ym: ymText(v), age: ageText(at(answer, out.and_age)) }) : ymText(v);
      return [o(out.name, v, text)];
    },
    months: function (out, v) { return [o(out.name, String(v), tr("months", { v: v }))]; },
    min_months: function (out, v) {
      return [o(out.name, String(v), tr("min_fmt", { y: C.str(C.div(v, 12)), m: v }))];
    },
    amount_month: function (out, v) { return [o(out.name, C.str(v), tr("per_month", { v: amount(v) }))]; },
    money: function (out, v) { return [o(out.name, C.str(v, 2), tr("yuan", { v: money(v) }))]; },
    money_month: function (out, v) { return [o(out.name, C.str(v, 2), tr("per_month", { v: money(v) }))]; },
    tenths: function (out, v) { return [o(out.name, C.str(v, 1), C.str(v, 1))]; },
    years: function (out, v) { return [o(out.name, C.str(v), tr("years_count", { v: C.str(v) }))]; },
    flag: function (out, v) { return [o(out.name, v === null ? "none" : v, "")]; }
  };
  function outputRows(ctx, vals, answer) {
    var rows = [];
    ctx.spec.outputs.forEach(function (out) {
      var from = out.from, label = out.words ? L[out.words] : "";
      if (typeof from === "object") {
        var field = ctx.fields[from.by];
        label = tr(out.words, { choice: L[field.choices[vals[from.by]]] });
        from = from[vals[from.by]];
      }
      var v = at(answer, from);
      if (v === undefined) return;
      var parts = v === null && out.none ? [L[out.none]] : FORMAT[out.format](out, v, answer);
      if (out.format === "flag") rows[rows.length - 1][1] = rows[rows.length - 1][1].concat(parts);
      else rows.push([label, parts]);
    });
    return rows;
  }

  // Each calculator runs its rules: {answer, steps, params, notes}, or null when refused.
  var RENDER = {
    "retirement-age": function (ctx, v) {
      var answer = {}, input = { birth: v.birth, category: v.category };
      var r = run(ctx, "retirement-age", input);
      if (!r) return null;
      keep(answer, "retirement-age", input, r);
      return { answer: answer, steps: r.steps, params: r.params };
    },
    "flexible-contribution": function (ctx, v) {
      var year = +v.year, base, steps = [], params = [], answer = {};
      if (v.how === "tier") {
        if (v.tier === undefined) return null;
        var tierInput = { year: year, percent: C.num(v.tier) };
        var tb = run(ctx, "tier-base", tierInput, { percent: "tier" });
        if (!tb) return null;
        keep(answer, "tier-base", tierInput, tb);
        base = tb.outputs.base;
        params = tb.params;
        steps = tb.steps;
      } else base = v.base;
      var input = { year: year, base: numText(base) }, r = run(ctx, "flexible-contribution", input);
      if (!r) return null;
      keep(answer, "flexible-contribution", input, r);
      steps = steps.concat(r.steps);
      params = params.concat(r.params);
      var fy = changes(ctx, year, base);
      if (fy === null) return null;
      if (fy) {
        keep(answer, "flexible-year", fy.input, fy);
        steps = steps.concat(fy.steps);
      }
      return { answer: answer, steps: steps, params: params };
    },
    "employee-contribution": function (ctx, v) {
      var answer = {}, year = +v.year, input = { year: year, wage: numText(v.wage) };
      var r = run(ctx, "employee-contribution", input);
      if (!r) return null;
      keep(answer, "employee-contribution", input, r);
      var cl = nums(r, "clamp");
      // Not a step: a sentence that says whether the wage was raised or cut to a limit.
      var note = tr(r.outputs.clamped ? "clamp_" + r.outputs.clamped : "clamp_none",
                    { w: amount(cl[0]), year: year, l: amount(cl[1]), u: amount(cl[2]) });
      return { answer: answer, notes: [note], steps: r.steps, params: r.params };
    },
    "pension-estimate": function (ctx, v) {
      var r, notes = [], answer = {}, input = {};
      if (v.mode === "direct") {
        ["jifa_base", "index", "years", "deemed_years", "account_balance", "payment_months"].forEach(function (k) {
          input[k] = numText(v[k]);
        });
        r = run(ctx, "pension-estimate", input);
        if (!r) return null;
        keep(answer, "pension-estimate", input, r);
      } else {
        input = { birth: v.birth, category: v.category, paid: numText(v.paid), tier: C.num(v.tier) };
        if (v.balance !== undefined) input.balance = numText(v.balance);
        r = run(ctx, "guided-estimate", input);
        if (!r) return null;
        keep(answer, "guided-estimate", input, r);
        // A blank balance is taken as 0: say so beside the field and the result.
        if (v.balance === undefined && v.paid.p > BigInt(0)) {
          notes.push(tr("balance_blank", { p: C.str(v.paid) }));
          var hint = document.getElementById("calc-balance-msg");
          hint.textContent = notes[0];
          hint.className = "calc-msg calc-hint";
        }
        var x = r.extras;
        if (x.min_contribution_months !== null && C.cmp(C.mul(x.years, 12), x.min_contribution_months) < 0) {
          notes.push(tr("below_min", { m: x.min_contribution_months }));
        }
      }
      return { answer: answer, notes: notes, steps: r.steps, params: r.params };
    }
  };

  // The base changes during the year (flexible-year): undefined when there are none, null when
  // a row cannot be used (its problem is named in the field's message), else the rule's result.
  function changes(ctx, year, base) {
    var field = ctx.fields.changes, rows = field.input.querySelectorAll(".calc-change");
    var list = [{ from_month: 1, base: numText(base) }], from = [null], bad = [];
    var msg = document.getElementById("calc-changes-msg");
    function complain(row, why) {
      var link = row.getAttribute("data-link"), now = row.querySelector("select").value + ":" + row.querySelector("input").value;
      var linked = link !== null && row.getAttribute("data-start") === now;
      row.querySelector("input").setAttribute("aria-invalid", "true");
      bad.push(tr(linked ? "change_link" : "change_bad", { v: short(linked ? link : now), why: why }));
    }
    [].forEach.call(rows, function (row) {
      var inp = row.querySelector("input"), sel = row.querySelector("select"), p = parseNum(inp.value);
      inp.setAttribute("aria-invalid", "false");
      if (!sel.value) return complain(row, L.change_month);
      if (p.err) return complain(row, L[p.err + "_money"] || L[p.err]);
      list.push({ from_month: +sel.value, base: numText(p.v) });
      from.push(row);
    });
    msg.textContent = bad.join(" ");
    if (bad.length) return null;
    if (list.length === 1) return undefined;
    var order = list.map(function (c, i) { return i; }).sort(function (a, b) { return list[a].from_month - list[b].from_month; });
    var input = { year: year, changes: order.map(function (i) { return list[i]; }) };
    try {
      var fy = C.run(ctx.P, "flexible-year", input);
      fy.input = input;
      return fy;
    } catch (e) {
      if (!e.code) throw e;
      var d = e.details || {}, row = d.change === undefined ? null : from[order[d.change]];
      if (e.code === "base_out_of_range" && row) {
        complain(row, tr("out_range", { year: d.year, lower: amount(d.lower), upper: amount(d.upper) }));
      } else if (e.code === "bad_month") {
        // The rule takes each month once: name the row that repeats an earlier one.
        var seen = {};
        order.forEach(function (i) {
          if (seen[list[i].from_month] && from[i]) complain(from[i], L.change_twice);
          seen[list[i].from_month] = 1;
        });
      } else throw e;
      msg.textContent = bad.join(" ");
      return null;
    }
  }

  function init() {
    if (!C) return;
    document.querySelectorAll(".calc[data-calc]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
