// The result: the headline sentence, then one row per other output of the calculator's entry in
// data/calculators.yml (each value in [data-output=NAME] with data-value), the notes, the
// working, the line naming the figures' year, and the figures to be careful with, each linked to
// its source.
(function (page) {
  "use strict";
  var core = page.core, element = page.element, at = page.at;
  // A value: [data-output name, data-value, the text a reader sees].
  function shown(name, value, text) { return [name, value, text]; }
  // A pattern's text with a value element in place of some of its {placeholders}.
  function withValues(pattern, parts) {
    return pattern.split(/(\{\w+\})/).filter(Boolean).map(function (bit) {
      var found = /^\{(\w+)\}$/.exec(bit);
      return found && parts[found[1]] ? parts[found[1]] : bit;
    });
  }
  // The formats an output may have (data/calculators.yml explains each).
  var FORMATS = {
    age: function (output, age) {
      return withValues(page.words.age_fmt, {
        y: shown(output.name + "_years", String(age.years), String(age.years)),
        m: shown(output.name + "_months", String(age.months), String(age.months)) });
    },
    month: function (output, month, answer) {
      var text = output.and_age
        ? page.fill("month_at_age", { ym: page.monthText(month), age: page.ageText(at(answer, output.and_age)) })
        : page.monthText(month);
      return [shown(output.name, month, text)];
    },
    months: function (output, months) { return [shown(output.name, String(months), page.fill("months", { v: months }))]; },
    min_months: function (output, months) {
      return [shown(output.name, String(months), page.fill("min_fmt", { y: core.str(core.div(months, 12)), m: months }))];
    },
    amount_month: function (output, value) {
      return [shown(output.name, core.str(value), page.fill("per_month", { v: page.amount(value) }))];
    },
    money: function (output, value) { return [shown(output.name, core.str(value, 2), page.fill("yuan", { v: page.money(value) }))]; },
    money_month: function (output, value) {
      return [shown(output.name, core.str(value, 2), page.fill("per_month", { v: page.money(value) }))];
    },
    tenths: function (output, value) { return [shown(output.name, core.str(value, 1), core.str(value, 1))]; },
    years: function (output, value) {
      return [shown(output.name, core.str(value), page.fill("years_count", { v: core.str(value) }))];
    },
    flag: function (output, value) { return [shown(output.name, value === null ? "none" : value, "")]; },
    date: function (output, value) { return [shown(output.name, value, page.dateText(value))]; }
  };

  // [label, parts, output name, chosen word] per row shown: a part is text or a value.
  function outputRows(state, values, answer) {
    var rows = [];
    state.spec.outputs.forEach(function (output) {
      var from = output.from, label = output.words ? page.words[output.words] : "", chosen = "";
      if (typeof from === "object") {
        var choice = values[from.by];
        chosen = page.words[state.fields[from.by].choices[choice]];
        label = page.fill(output.words, { choice: chosen });
        from = from[choice];
      }
      var value = at(answer, from);
      if (value === undefined) return;
      var parts = value === null && output.none ? [page.words[output.none]] : FORMATS[output.format](output, value, answer);
      if (output.format === "flag") rows[rows.length - 1][1] = rows[rows.length - 1][1].concat(parts);
      else rows.push([label, parts, output.name, chosen]);
    });
    return rows;
  }

  // Text and values into an element: a value goes in its own [data-output][data-value].
  function appendParts(cell, parts) {
    parts.forEach(function (part) {
      if (typeof part === "string") cell.appendChild(document.createTextNode(part));
      else cell.appendChild(element("span", { "data-output": part[0], "data-value": part[1] }, part[2]));
    });
    return cell;
  }

  // The answer first (data/calculators.yml `headline`): the row of the figure the reader came
  // for leaves the list and becomes one sentence above it, its value still in [data-output].
  function headline(state, rows) {
    var spec = state.spec.headline, row = rows.filter(function (r) { return r[2] === spec.output; })[0];
    if (!row) return null;
    rows.splice(rows.indexOf(row), 1);
    var parts = [];
    page.words[spec.words].split(/(\{v\})/).forEach(function (bit) {
      if (bit === "{v}") parts = parts.concat(row[1]);
      else if (bit) parts.push(page.fillPattern(bit, { choice: row[3] }));
    });
    return appendParts(element("p", { class: "calc-headline" }), parts);
  }

  // The year the line under the result names: that of the parameter the entry names
  // (stamp_year_of) among those the result used; none: the national decision only.
  function stampText(state, params) {
    var used = params.filter(function (use) { return use.name === state.spec.stamp_year_of; })[0];
    return used ? page.fill("stamp", { year: used.key.slice(0, 4) }) : page.words.stamp_ret;
  }

  function flags(params) {
    var words = page.words, flagged = params.filter(function (use) { return !use.verified || use.disputed || use.latest_applied; });
    if (!flagged.length) return null;
    var box = element("div", { class: "calc-flags" }), list = element("ul");
    box.appendChild(element("p", {}, words.flags));
    flagged.forEach(function (use) {
      var notes = [];
      if (!use.verified) notes.push(words.unverified);
      if (use.disputed) notes.push(words.disputed);
      if (use.latest_applied) notes.push(words.latest);
      notes.push(page.fill("labelled", { what: words.confidence, v: words["conf_" + use.confidence] }));
      var item = element("li", {}, page.fill("flag_line", { what: use.description[page.lang], when: use.key,
                                                            notes: notes.join(words.flag_sep) }));
      item.appendChild(element("a", { href: "#src-" + use.source }, words.src));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  // What the empty result says: fill in, or fix the field marked in red.
  function prompt(state) {
    return element("p", { class: "calc-prompt" },
                   state.form.querySelector('[aria-invalid="true"]') ? page.words.prompt_fix : page.words.prompt);
  }

  page.showResult = function (state) {
    var values = page.readValues(state), out = state.out, words = page.words, found = null;
    out.textContent = "";
    if (values) {
      try { found = page.runCalculator(state, values); } catch (e) {
        if (!e.code) throw e;
      }
    }
    if (!found) return out.appendChild(prompt(state));
    out.appendChild(element("h2", { id: "result" }, words.result));
    var rows = outputRows(state, values, found.answer), first = headline(state, rows);
    if (first) out.appendChild(first);
    var list = element("dl", { class: "calc-outputs" });
    rows.forEach(function (row) {
      list.appendChild(element("dt", {}, row[0]));
      list.appendChild(appendParts(element("dd"), row[1]));
    });
    out.appendChild(list);
    (found.notes || []).forEach(function (note) { out.appendChild(element("p", { class: "calc-note" }, note)); });
    page.showScenarios(state, found.answer, out);
    var working = element("details", { class: "calc-working", open: "" }), steps = element("ol");
    working.appendChild(element("summary", {}, words.working));
    found.steps.forEach(function (step) { steps.appendChild(element("li", {}, page.stepLine(step))); });
    working.appendChild(steps);
    out.appendChild(working);
    out.appendChild(element("p", { class: "calc-stamp" }, stampText(state, found.params)));
    var careful = flags(found.params);
    if (careful) out.appendChild(careful);
  };
})(window.CalculatorPage);
