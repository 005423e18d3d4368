// Each calculator runs its rules on the form's values: {answer, steps, params, notes}, or null
// when a rule refused (the field says why). The answer holds each rule's result by the rule's
// name (with the input it was given) and the last as `result`: the outputs in
// data/calculators.yml name their values by a path in it.
(function (page) {
  "use strict";
  var core = page.core, numberText = page.numberText;

  function keep(answer, rule, input, result) {
    result.input = input;
    answer[rule] = answer.result = result;
    return result;
  }

  page.CALCULATORS = {
    "retirement-age": function (state, values) {
      var answer = {}, input = { birth: values.birth, category: values.category };
      var result = page.runRule(state, "retirement-age", input);
      if (!result) return null;
      keep(answer, "retirement-age", input, result);
      return { answer: answer, steps: result.steps, params: result.params };
    },
    "flexible-contribution": function (state, values) {
      var year = +values.year, base, steps = [], params = [], answer = {};
      if (values.how === "tier") {
        if (values.tier === undefined) return null;
        var tierInput = { year: year, percent: core.num(values.tier) };
        var tier = page.runRule(state, "tier-base", tierInput, { percent: "tier" });
        if (!tier) return null;
        keep(answer, "tier-base", tierInput, tier);
        base = tier.outputs.base;
        params = tier.params;
        steps = tier.steps;
      } else base = values.base;
      var input = { year: year, base: numberText(base) }, result = page.runRule(state, "flexible-contribution", input);
      if (!result) return null;
      keep(answer, "flexible-contribution", input, result);
      steps = steps.concat(result.steps);
      params = params.concat(result.params);
      var wholeYear = changes(state, year, base);
      if (wholeYear === null) return null;
      if (wholeYear) {
        keep(answer, "flexible-year", wholeYear.input, wholeYear);
        steps = steps.concat(wholeYear.steps);
      }
      return { answer: answer, steps: steps, params: params };
    },
    "employee-contribution": function (state, values) {
      var answer = {}, year = +values.year, input = { year: year, wage: numberText(values.wage) };
      var result = page.runRule(state, "employee-contribution", input);
      if (!result) return null;
      keep(answer, "employee-contribution", input, result);
      // Not a step: a sentence that says whether the wage was raised or cut to a limit (the
      // numbers of the clamp step: wage, lower, upper).
      var clamp = result.steps.filter(function (step) { return step.name === "clamp"; })[0].terms
        .filter(function (term) { return typeof term === "object"; });
      var note = page.fill(result.outputs.clamped ? "clamp_" + result.outputs.clamped : "clamp_none",
                           { w: page.amount(clamp[0].value), year: year, l: page.amount(clamp[1].value),
                             u: page.amount(clamp[2].value) });
      return { answer: answer, notes: [note], steps: result.steps, params: result.params };
    },
    "pension-estimate": function (state, values) {
      var result, notes = [], answer = {}, input = {};
      if (values.mode === "direct") {
        ["jifa_base", "index", "years", "deemed_years", "account_balance", "payment_months"].forEach(function (name) {
          input[name] = numberText(values[name]);
        });
        result = page.runRule(state, "pension-estimate", input);
        if (!result) return null;
        keep(answer, "pension-estimate", input, result);
        return { answer: answer, notes: notes, steps: result.steps, params: result.params };
      }
      input = { birth: values.birth, category: values.category, paid: numberText(values.paid), tier: core.num(values.tier) };
      if (values.balance !== undefined) input.balance = numberText(values.balance);
      result = page.runRule(state, "guided-estimate", input);
      if (!result) return null;
      keep(answer, "guided-estimate", input, result);
      // A blank balance is taken as 0: say so beside the field and the result.
      if (values.balance === undefined && values.paid.p > BigInt(0)) {
        notes.push(page.fill("balance_blank", { p: core.str(values.paid) }));
        var hint = document.getElementById("calc-balance-msg");
        hint.textContent = notes[0];
        hint.className = "calc-msg calc-hint";
      }
      var extras = result.extras;
      if (extras.min_contribution_months !== null && core.cmp(core.mul(extras.years, 12), extras.min_contribution_months) < 0) {
        notes.push(page.fill("below_min", { m: extras.min_contribution_months }));
      }
      return { answer: answer, notes: notes, steps: result.steps, params: result.params };
    }
  };

  // The base changes during the year (flexible-year): undefined when there are none, null when
  // a row cannot be used (the field's message names it), else the rule's result.
  function changes(state, year, base) {
    var words = page.words, rows = state.fields.changes.input.querySelectorAll(".calc-change");
    var list = [{ from_month: 1, base: numberText(base) }], rowOf = [null], bad = [];
    var message = document.getElementById("calc-changes-msg");
    function complain(row, why) {
      var link = row.getAttribute("data-link"), now = row.querySelector("select").value + ":" + row.querySelector("input").value;
      var linked = link !== null && row.getAttribute("data-start") === now;
      row.querySelector("input").setAttribute("aria-invalid", "true");
      bad.push(page.fill(linked ? "change_link" : "change_bad", { v: page.short(linked ? link : now), why: why }));
    }
    [].forEach.call(rows, function (row) {
      var input = row.querySelector("input"), month = row.querySelector("select").value, read = page.parseNumber(input.value);
      input.setAttribute("aria-invalid", "false");
      if (!month) return complain(row, words.change_month);
      if (read.error) return complain(row, words[read.error + "_money"] || words[read.error]);
      list.push({ from_month: +month, base: numberText(read.value) });
      rowOf.push(row);
    });
    message.textContent = bad.join(" ");
    if (bad.length) return null;
    if (list.length === 1) return undefined;
    var order = list.map(function (_, i) { return i; }).sort(function (a, b) { return list[a].from_month - list[b].from_month; });
    var input = { year: year, changes: order.map(function (i) { return list[i]; }) };
    try {
      var result = core.run(state.parameters, "flexible-year", input);
      result.input = input;
      return result;
    } catch (e) {
      if (!e.code) throw e;
      var details = e.details || {}, row = details.change === undefined ? null : rowOf[order[details.change]];
      if (e.code === "base_out_of_range" && row) {
        complain(row, page.fill("out_range", { year: details.year, lower: page.amount(details.lower),
                                               upper: page.amount(details.upper) }));
      } else if (e.code === "bad_month") {
        // The rule takes each month once: name the row that repeats an earlier one.
        var seen = {};
        order.forEach(function (i) {
          if (seen[list[i].from_month] && rowOf[i]) complain(rowOf[i], words.change_twice);
          seen[list[i].from_month] = 1;
        });
      } else throw e;
      message.textContent = bad.join(" ");
      return null;
    }
  }
})(window.CalculatorPage);
