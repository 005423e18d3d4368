// The form: one field per entry of the calculator's fields in data/calculators.yml (the page
// carries the entry in <script class="calc-spec">), each with its message line; reading the
// values back, and marking a field whose value cannot be used.
(function (page) {
  "use strict";
  var element = page.element;

  // How each kind of field is typed and read.
  var TYPED = { month: "numeric", whole: "numeric", money: "decimal", number: "decimal" };

  // {name: field} in the form's order; field: {name, kind, input, wrap, show (the switch choice
  // that shows it), optional, inLink, choices}.
  page.buildFields = function (form, spec, years, onChange) {
    var fields = {}, words = page.words;
    spec.fields.forEach(function (entry) {
      var name = entry.name, kind = entry.kind, id = "calc-" + name;
      var wrap = element("div", { class: "calc-field", "data-field": name }), input;
      var label = element("label", { for: id }, words[name] || name);
      if (kind === "choice" || kind === "switch" || kind === "year") {
        input = element("select", { id: id, name: name });
        var values = kind === "year" ? years : Object.keys(entry.choices);
        values.forEach(function (value) {
          input.appendChild(element("option", { value: value }, kind === "year" ? value : words[entry.choices[value]]));
        });
        // The form opens on the last year it offers.
        if (kind === "year") input.value = years[years.length - 1];
      } else if (kind === "changes") {
        input = element("div", { class: "calc-changes", id: id });
        var add = element("button", { type: "button", class: "md-button calc-add" }, words.add_change);
        add.addEventListener("click", function () { page.addChange(input, "", ""); onChange(); });
        wrap.appendChild(element("p", { class: "calc-label", id: id + "-label" }, words.changes));
        wrap.appendChild(input);
        wrap.appendChild(element("p", { class: "calc-msg", id: id + "-msg", "aria-live": "polite" }));
        wrap.appendChild(add);
        label = null;
      } else {
        input = element("input", { id: id, name: name, type: "text", autocomplete: "off", inputmode: TYPED[kind],
                                   placeholder: kind === "month" ? words.birth_ph : null });
      }
      if (label) wrap.appendChild(label);
      if (kind !== "changes") {
        input.setAttribute("aria-describedby", id + "-msg");
        wrap.appendChild(input);
        wrap.appendChild(element("p", { class: "calc-msg", id: id + "-msg", "aria-live": "polite" }));
      }
      var when = entry.when ? entry.when[Object.keys(entry.when)[0]] : undefined;
      fields[name] = { name: name, kind: kind, input: input, wrap: wrap, show: when, optional: !!entry.optional,
                       inLink: !!entry.in_link, choices: entry.choices };
      form.appendChild(wrap);
    });
    return fields;
  };

  // One row of a base change: from which month (2 to 12), the new base, a remove button.
  // `link`: the row as the address gave it, named in its message while unchanged.
  page.addChange = function (list, month, base, link) {
    var words = page.words, row = element("div", { class: "calc-change" });
    var select = element("select", { "aria-label": words.from_month, "data-change": "month" });
    for (var m = 2; m <= 12; m++) {
      select.appendChild(element("option", { value: String(m) }, page.fill("from_month_n", { m: m, M: page.monthName(m) })));
    }
    if (/^(?:[2-9]|1[0-2])$/.test(month)) select.value = month;
    else if (link !== undefined) {
      select.insertBefore(element("option", { value: "" }, "\u2014"), select.firstChild);
      select.value = "";
    }
    if (link !== undefined) row.setAttribute("data-link", link);
    var input = element("input", { type: "text", inputmode: "decimal", "aria-label": words.base, "data-change": "base",
                                   autocomplete: "off" });
    input.value = String(base);
    var remove = element("button", { type: "button", class: "calc-remove", "aria-label": words.remove }, "\u00d7");
    remove.addEventListener("click", function () {
      var form = row.closest("form");
      row.remove();
      form.dispatchEvent(new Event("input"));
    });
    row.setAttribute("data-start", select.value + ":" + input.value);
    row.appendChild(select);
    row.appendChild(input);
    row.appendChild(remove);
    list.appendChild(row);
  };

  // The field that shows some fields and hides others (a calculator has at most one).
  page.switchOf = function (fields) {
    var name = Object.keys(fields).filter(function (n) { return fields[n].kind === "switch"; })[0];
    return name ? fields[name] : null;
  };
  page.visible = function (fields, field) {
    return !field.show || page.switchOf(fields).input.value === field.show;
  };
  page.labelOf = function (field) { return field.wrap.querySelector("label, .calc-label").textContent; };

  // Show a field's message (or clear it). A value still as the link gave it is named in the
  // message, with the field's label. `fix`: a button that puts a better value in.
  page.mark = function (field, text, fix) {
    var message = document.getElementById(field.input.id + "-msg");
    if (text && field.link !== undefined && field.input.value === field.link) {
      text = page.fill("link_value", { field: page.labelOf(field), v: page.short(field.link) }) + text;
    }
    message.className = "calc-msg";
    message.textContent = text || "";
    if (text) field.input.setAttribute("aria-invalid", "true");
    else field.input.removeAttribute("aria-invalid");
    if (fix) {
      var button = element("button", { type: "button", class: "md-button calc-fix" }, fix.label);
      button.addEventListener("click", function () {
        field.input.value = fix.value;
        field.input.dispatchEvent(new Event("input", { bubbles: true }));
      });
      message.appendChild(document.createTextNode(" "));
      message.appendChild(button);
    }
  };

  // A changes field's rows as the rules take them ([{from_month, base}] in the reader's order), or
  // null when a row cannot be read (the field's message names it).
  function readChanges(field) {
    var words = page.words, list = [], ok = true;
    field.bad = [];
    [].forEach.call(field.input.querySelectorAll(".calc-change"), function (row) {
      var input = row.querySelector("input"), month = row.querySelector("select").value, read = page.parseNumber(input.value);
      input.setAttribute("aria-invalid", "false");
      if (!month || read.error) {
        ok = false;
        return page.markChange(field, row, month ? words[read.error + "_money"] || words[read.error] : words.change_month);
      }
      list.push({ from_month: +month, base: page.numberText(read.value) });
    });
    document.getElementById(field.input.id + "-msg").textContent = field.bad.join(" ");
    return ok ? list : null;
  }
  // Mark one row of a changes field, and say why in the field's message (the row as the link
  // gave it is named while unchanged).
  page.markChange = function (field, row, why) {
    var link = row.getAttribute("data-link"), now = row.querySelector("select").value + ":" + row.querySelector("input").value;
    var linked = link !== null && row.getAttribute("data-start") === now;
    row.querySelector("input").setAttribute("aria-invalid", "true");
    field.bad.push(page.fill(linked ? "change_link" : "change_bad", { v: page.short(linked ? link : now), why: why }));
    document.getElementById(field.input.id + "-msg").textContent = field.bad.join(" ");
  };

  // The visible fields' values ({name: value}), or null while one is missing or cannot be read
  // (its message says why). An empty form stays quiet until the reader types or a link fills it.
  page.readValues = function (state) {
    var values = {}, ok = true, typed = false, words = page.words;
    Object.keys(state.fields).forEach(function (name) {
      var field = state.fields[name];
      field.wrap.hidden = !page.visible(state.fields, field);
      if (field.kind === "changes") {
        var rows = field.wrap.hidden ? [] : readChanges(field);
        if (rows === null) ok = false;
        else if (rows.length) values[name] = rows;
        return;
      }
      if (field.input.tagName === "SELECT") {
        values[name] = field.input.value;
        if (field.input.value) {
          page.mark(field, "");
          field.refused = null;
        } else if (!field.wrap.hidden) {
          page.mark(field, field.refused || words.choose);
          ok = false;
        }
        return;
      }
      if (field.wrap.hidden) return;
      var raw = field.input.value;
      field.canon = null;
      if (raw.trim()) typed = true;
      if (!raw.trim() && field.optional) return page.mark(field, "");
      var read = field.kind === "month" ? page.parseMonth(raw) : page.parseNumber(raw);
      if (!read.error && field.kind === "whole" && read.value.q !== BigInt(1)) read = { error: "whole" };
      if (read.error) {
        ok = false;
        var quiet = read.error === "empty" && !raw.trim() && !state.touched && field.link === undefined;
        page.mark(field, quiet ? "" : words[read.error + "_" + field.kind] || words[read.error]);
        return;
      }
      page.mark(field, "");
      values[name] = read.value;
      field.canon = typeof read.value === "string" ? read.value : page.core.str(read.value);
    });
    if (typed) state.touched = true;
    return ok ? values : null;
  };
})(window.CalculatorPage);
