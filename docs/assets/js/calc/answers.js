// A calculator runs the one rule its entry names (data/calculators.yml `rule`, or one per choice
// of a switch) on the values of the fields shown, by field name: {answer, steps, params, notes},
// or null when the rule refused (the field says why). The answer holds the result by the rule's
// name and as `result`, with the input it was given: the entry's outputs and notes name their
// values by a path in it. Nothing here knows a calculator or a field by name.
(function (page) {
  "use strict";
  var core = page.core;

  // A field's value as the rules take it, by the field's kind (form.js reads it).
  var AS_INPUT = {
    year: Number, whole: core.num, month: String, choice: String, money: page.numberText,
    number: page.numberText, changes: function (rows) { return rows; }
  };
  // A note's values (data/calculators.yml, notes).
  var NOTE_VALUES = {
    text: function (value) { return typeof value === "object" ? core.str(value) : String(value); },
    amount: function (value) { return page.amount(value); },
    date: function (value) { return page.dateText(value); }
  };

  // The value at a path ("result.outputs.total") in an answer; undefined when it has none.
  page.at = function (answer, path) {
    return path.split(".").reduce(function (value, key) {
      return value === undefined || value === null ? undefined : value[key];
    }, answer);
  };

  page.runCalculator = function (state, values) {
    var spec = state.spec, rule = typeof spec.rule === "string" ? spec.rule : spec.rule[values[spec.rule.by]];
    var input = {};
    spec.fields.forEach(function (entry) {
      var value = values[entry.name];
      if (entry.kind === "switch" || entry.to_rule === false || value === undefined) return;
      if (!page.visible(state.fields, state.fields[entry.name])) return;
      input[entry.name] = AS_INPUT[entry.kind](value);
    });
    var result = page.runRule(state, rule, input);
    if (!result) return null;
    result.input = input;
    var answer = { result: result };
    answer[rule] = result;
    return { answer: answer, steps: result.steps, params: result.params, notes: notes(state, answer) };
  };

  // The entry's notes that apply, as text; one `beside` a field goes in its message line too.
  function notes(state, answer) {
    return (state.spec.notes || []).filter(function (note) {
      return !note.when || page.at(answer, note.when) === true;
    }).map(function (note) {
      var key = note.words, filled = {};
      if (typeof key === "object") {
        var picked = page.at(answer, key.by);
        key = key[picked === null || picked === undefined ? "none" : picked];
      }
      Object.keys(note.values || {}).forEach(function (name) {
        var value = note.values[name];
        filled[name] = NOTE_VALUES[value.format || "text"](page.at(answer, value.from));
      });
      var text = page.fill(key, filled);
      if (note.beside) {
        var hint = document.getElementById(state.fields[note.beside].input.id + "-msg");
        hint.textContent = text;
        hint.className = "calc-msg calc-hint";
      }
      return text;
    });
  }
})(window.CalculatorPage);
