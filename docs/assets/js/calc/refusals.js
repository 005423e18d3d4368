// Running a rule, and wording its refusal beside the field it names. Every check is the
// rules' own (core.js, as pension/ in Python); this file only words what they answer, with the
// figures they give for that year (the error's details).
(function (page) {
  "use strict";
  var core = page.core;

  // core.run, or null when refused (the field's message says why). The rule's input names
  // are the form's field names, so its refusal names the field.
  page.runRule = function (state, rule, input) {
    try { return core.run(state.parameters, rule, input); } catch (e) {
      if (!e.code) throw e;
      var details = e.details || {}, field = state.fields[details.field];
      if (!field) throw e;
      refuse(state, field, e.code, details, input);
      return null;
    }
  };

  function refuse(state, field, code, details, input) {
    var fill = page.fill, words = page.words;
    if (details.change !== undefined) return changeRefused(field, code, details);
    if (code === "tier_out_of_range") return tierRefused(state, field, details, input[field.name]);
    if (code === "base_out_of_range") return baseRefused(state, field, details, input[field.name]);
    if (code === "bad_month") return page.mark(field, words.month_range);
    if (code === "too_large") return page.mark(field, fill("too_large", { largest: page.amount(details.largest) }));
    if (code === "too_small") return page.mark(field, fill("too_small", details));
    if (code === "already_retired") return page.mark(field, fill("retired", details));
    if (code === "too_far") return page.mark(field, fill("too_far", details));
    if (code === "paid_over_age") return page.mark(field, fill("paid_over_age", details));
    if (code === "year_out_of_range") {
      return page.mark(field, details.first === undefined ? words.date_range : fill("no_data", { year: details.asked }));
    }
    // A number the rule refuses. Negatives never get here (the form refuses them), so it is 0,
    // unless data/calculator_ui.yml has words for this field's refusal (bad_value_<field>: deemed
    // years more than all the years).
    if (code === "bad_value") return page.mark(field, words["bad_value_" + field.name] || words.zero);
    throw core.fail(code, details);
  }

  // One row of a changes field (its index in the reader's order): its base out of that year's
  // limits, or a month the rows change twice.
  function changeRefused(field, code, details) {
    var row = field.input.querySelectorAll(".calc-change")[details.change], why = page.words.change_month;
    if (code === "base_out_of_range") {
      why = page.fill("out_range", { year: details.year, lower: page.amount(details.lower), upper: page.amount(details.upper) });
    } else if (details.twice) why = page.words.change_twice;
    else if (code !== "bad_month") throw core.fail(code, details);
    page.markChange(field, row, why);
  }

  // A base out of that year's limits. A whole number that is a tier that year was probably
  // meant as a tier (a percentage): offer that tier's base; else offer the nearer limit.
  function baseRefused(state, field, details, base) {
    var value = core.dec(base), near = core.cmp(value, details.lower) < 0 ? details.lower : details.upper;
    var text = page.fill("out_range", { year: details.year, lower: page.amount(details.lower), upper: page.amount(details.upper) });
    var tier = null;
    if (value.q === BigInt(1)) {
      try { tier = core.run(state.parameters, "tier-base", { year: details.year, percent: core.num(value) }); } catch (e) {
        if (!e.code) throw e;
      }
    }
    if (tier) {
      near = tier.outputs.base;
      text = page.fill("base_tier", { v: core.str(value), year: details.year, b: page.amount(near) }) + text;
    }
    page.mark(field, text, { label: page.fill("use", { v: page.fill("yuan", { v: page.amount(near) }) }), value: core.str(near) });
  }

  // A tier out of that year's range. One above the highest tier was probably a base in yuan:
  // offer the tier whose base (the rule's tier-base) is nearest to it.
  function tierRefused(state, field, details, typed) {
    var best = typed < details.min ? details.min : details.max, text = page.fill("tier_range", details);
    if (typed > details.max) {
      var gap = null;
      for (var tier = details.min; tier <= details.max; tier++) {
        var base = core.run(state.parameters, "tier-base", { year: details.year, percent: tier }).outputs.base;
        var off = Math.abs(core.num(core.sub(base, typed)));
        if (gap === null || off < gap) {
          gap = off;
          best = tier;
        }
      }
      var limits = core.limits(state.parameters, details.year);
      text = page.fill("tier_yuan", { v: page.amount(typed), year: details.year, lower: page.amount(limits.lower),
                                      upper: page.amount(limits.upper), min: details.min, max: details.max, t: best });
    }
    page.mark(field, text, { label: page.fill("use", { v: best + "%" }), value: String(best) });
  }
})(window.CalculatorPage);
