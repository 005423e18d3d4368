// The address: a filled-in form is in its query (?birth=1971-04&category=male), so it can be
// shared. Reading a link fills the form; every value is used, normalised, or kept as it came
// and refused with a message naming it. Values go in as .value: never parsed as HTML.
(function (page) {
  "use strict";
  var element = page.element;

  // A select's choices as a reader of the link sees them: "code = label".
  function choicesText(select) {
    return [].filter.call(select.options, function (option) { return option.value; }).map(function (option) {
      if (option.value === option.textContent) return option.value;
      return page.fill("choice_pair", { v: option.value, name: option.textContent });
    }).join(page.words.list_sep);
  }
  // A select that cannot show the link's value gets an empty first choice, so nothing is
  // computed until the reader picks one; readValues then shows field.refused.
  function refuseChoice(field, text) {
    field.input.insertBefore(element("option", { value: "" }, "\u2014"), field.input.firstChild);
    field.input.value = "";
    field.refused = text;
  }

  // The switch: as the link names it, or from which side's fields the link gives.
  function readSwitch(fields, query) {
    var pick = page.switchOf(fields);
    if (!pick) return;
    var sides = {}, names = Object.keys(fields);
    Object.keys(pick.choices).forEach(function (choice) {
      sides[choice] = names.filter(function (n) { return fields[n].show === choice && query.has(n); });
    });
    var keys = Object.keys(sides), given = pick.inLink ? query.get(pick.name) : null;
    if (given !== null) {
      if (keys.indexOf(given) >= 0) pick.input.value = given;
      else {
        refuseChoice(pick, page.fill("link_choice", { field: page.labelOf(pick), v: page.short(given),
                                                      opts: choicesText(pick.input) }));
      }
    } else if (sides[keys[0]].length && sides[keys[1]].length) {
      refuseChoice(pick, page.fill("link_both", { a: sides[keys[0]].join(", "), b: sides[keys[1]].join(", "),
                                                  field: page.labelOf(pick) }));
    } else pick.input.value = sides[keys[1]].length ? keys[1] : keys[0];
  }

  page.readLink = function (fields, query, years) {
    readSwitch(fields, query);
    Object.keys(fields).forEach(function (name) {
      var field = fields[name], value = query.get(name);
      if (value === null || field.kind === "switch") return;
      if (field.kind === "changes") {
        value.split(",").forEach(function (part) {
          var found = /^\s*([^:]*):(.*)$/.exec(part);
          page.addChange(field.input, found ? page.normalise(found[1]) : "", found ? found[2] : part, part);
        });
        return;
      }
      if (field.input.tagName !== "SELECT") {
        field.input.value = value;
        field.link = value;
        return;
      }
      var wanted = page.normalise(value).toLowerCase();
      if ([].some.call(field.input.options, function (option) { return option.value === wanted; })) {
        field.input.value = wanted;
        return;
      }
      // A later year than the form offers: its figures are not published yet.
      var last = years[years.length - 1];
      var later = field.kind === "year" && /^\d{4}$/.test(wanted) && +wanted > +last;
      refuseChoice(field, page.fill(later ? "link_year_later" : "link_choice",
                                    { field: page.labelOf(field), v: page.short(value), opts: choicesText(field.input),
                                      last: last }));
    });
  };

  // The address follows the form: the visible fields' values, as read.
  page.writeLink = function (fields) {
    var query = new URLSearchParams();
    Object.keys(fields).forEach(function (name) {
      var field = fields[name];
      if (field.kind === "switch" || !page.visible(fields, field)) return;
      if (field.kind === "changes") {
        var rows = [].map.call(field.input.querySelectorAll(".calc-change"), function (row) {
          return row.querySelector("select").value + ":" + row.querySelector("input").value.trim();
        });
        if (rows.length) query.set(name, rows.join(","));
      } else if (field.input.value.trim() !== "") query.set(name, field.canon || field.input.value.trim());
    });
    // The switch, when the address names it and it is not on its first choice.
    var pick = page.switchOf(fields);
    if (pick && pick.inLink && pick.input.value !== Object.keys(pick.choices)[0]) query.set(pick.name, pick.input.value);
    var text = query.toString();
    history.replaceState(history.state, "", location.pathname + (text ? "?" + text : "") + location.hash);
    if (window.langSwitchSync) window.langSwitchSync();
  };

  // The "copy link" button: share.js (on every page) does the copying.
  page.copyLink = function (status) { window.copyAddress(status, page.words, "calc-link"); };
})(window.CalculatorPage);
