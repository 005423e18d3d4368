// The working under a result: each step of the rules' answer in the worked examples' words and
// line pattern (data/example_words.yml; the same as hooks/render/examples.py render_step).
(function (page) {
  "use strict";
  var core = page.core;

  // One number of a step, by its kind (hooks/render/examples.py fmt_number).
  function termText(term) {
    if (typeof term !== "object") return String(term);
    var value = term.value;
    if (typeof value === "boolean" || typeof value === "string") return String(value);
    if (term.kind === "rate") return page.percent(value);
    if (term.kind === "money") return page.money(value);
    if (term.kind === "amount") return page.wholeOrMoney(value);
    // As Python prints a Decimal: with the decimals it carries ("139.0").
    return typeof value === "number" ? String(value) : core.str(value, value.s);
  }

  page.stepLine = function (step) {
    var stepWords = page.stepWords, what = stepWords.steps[step.name];
    if (what === undefined) throw new Error("data/example_words.yml has no words for the step " + step.name);
    var sums = step.terms.map(termText).join(" ").replace(/\( /g, "(").replace(/ \)/g, ")");
    return page.fillPattern(stepWords.step_line, { what: what, sums: sums, result: termText(step.result),
                                                   unit: stepWords.units[step.unit] || "" });
  };
})(window.CalculatorPage);
