// Pension rules for the browser: a line-by-line mirror of pension/ (Python), same names, same
// order of checks, same error codes. Every number comes from parameters.json (written by the build
// from data/parameters.yml); the only literals here are the "as of" dates the Python rules use for
// their lookups. Money is exact: BigInt fractions, rounded half up like Decimal ROUND_HALF_UP.
// Works in the browser (globalThis.PensionCore) and in node (tests/js/run.mjs).
(function (root) {
  "use strict";
  var B = BigInt, Z = B(0), ONE = B(1), TWO = B(2), TEN = B(10);

  function fail(code, details) {
    var e = new Error(code);
    e.code = code;
    e.details = details || {};
    return e;
  }

  // --- exact fractions ---------------------------------------------------------------------
  function gcd(a, b) { a = a < Z ? -a : a; while (b) { var t = a % b; a = b; b = t; } return a; }
  function fr(p, q) {
    if (q < Z) { p = -p; q = -q; }
    var g = gcd(p, q) || ONE;
    return { p: p / g, q: q / g };
  }
  // A loop, not TEN ** n: the build's minifier reads ES5 (hooks/events/fingerprint.py).
  function pow10(n) { var out = ONE; for (var i = 0; i < n; i++) out *= TEN; return out; }
  // A fraction may carry `s`, its decimal places as Decimal would keep them ("139.0" has 1), so
  // the working prints 139.0 where Python does; add, sub, mul and round carry it like Decimal.
  function scaled(a, s) { if (s !== undefined) a.s = s; return a; }
  function dec(v) {
    if (v && typeof v === "object" && "p" in v) return v;
    if (typeof v === "boolean" || v === null || v === undefined) throw fail("bad_type");
    var m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(v).trim());
    if (!m || (m[2] === "" && !m[3])) throw fail("bad_type");
    var frac = m[3] || "", exp = (m[4] ? parseInt(m[4], 10) : 0) - frac.length;
    var n = B(m[2] + frac || "0");
    if (m[1] === "-") n = -n;
    return scaled(exp >= 0 ? fr(n * pow10(exp), ONE) : fr(n, pow10(-exp)), Math.max(0, -exp));
  }
  function both(a, b, f) { return a.s === undefined || b.s === undefined ? undefined : f(a.s, b.s); }
  function add(a, b) { a = dec(a); b = dec(b); return scaled(fr(a.p * b.q + b.p * a.q, a.q * b.q), both(a, b, Math.max)); }
  function sub(a, b) { b = dec(b); return add(a, { p: -b.p, q: b.q, s: b.s }); }
  function mul(a, b) {
    a = dec(a); b = dec(b);
    return scaled(fr(a.p * b.p, a.q * b.q), both(a, b, function (x, y) { return x + y; }));
  }
  function div(a, b) { a = dec(a); b = dec(b); return fr(a.p * b.q, a.q * b.p); }
  function cmp(a, b) { var d = sub(a, b).p; return d > Z ? 1 : d < Z ? -1 : 0; }
  // Half up (away from zero on a tie) to `dp` decimals; the result is again a fraction.
  function round(a, dp) {
    a = dec(a);
    var n = a.p * pow10(dp), neg = n < Z;
    if (neg) n = -n;
    var r = (TWO * n + a.q) / (TWO * a.q);
    return scaled(fr(neg ? -r : r, pow10(dp)), dp);
  }
  // Decimal text; with dp fixed decimals, else as few as exact (like Decimal's str).
  function str(a, dp) {
    a = dec(a);
    if (dp === undefined) { dp = 0; while (pow10(dp) % a.q && dp < 40) dp++; }
    var n = round(a, dp), u = n.p * (pow10(dp) / n.q), neg = u < Z;
    if (neg) u = -u;
    var s = u.toString().padStart(dp + 1, "0");
    var out = dp ? s.slice(0, s.length - dp) + "." + s.slice(s.length - dp) : s;
    return (neg ? "-" : "") + out;
  }
  function num(a) { return Number(str(a)); }
  var fen = function (a) { return round(a, 2); };

  // --- parameters (mirror of pension.params.ParameterSet.get) --------------------------------
  function dateKey(at) {
    if (typeof at === "number") return String(at).padStart(4, "0") + "-01-01";
    var parts = String(at).split("-");
    if (parts.length === 1) return parts[0].padStart(4, "0") + "-01-01";
    if (parts.length === 2) return parts[0].padStart(4, "0") + "-" + parts[1].padStart(2, "0") + "-01";
    return String(at);
  }
  function get(P, name, at) {
    var spec = P.parameters[name];
    if (!spec) throw fail("unknown_parameter", { parameter: name });
    var keys = Object.keys(spec.values).sort(), key, latest = false;
    if (spec.keyed_by === "year") {
      var year = typeof at === "number" ? at : parseInt(dateKey(at).slice(0, 4), 10);
      var years = keys.map(Number), first = Math.min.apply(null, years), last = Math.max.apply(null, years);
      if (years.indexOf(year) >= 0) key = String(year);
      else if (year > last && spec.latest_applies) { key = String(last); latest = true; }
      else throw fail("year_out_of_range", { parameter: name, first: first, last: last, asked: year });
    } else {
      var wanted = dateKey(at), earlier = keys.filter(function (k) { return k <= wanted; });
      if (!earlier.length) throw fail("year_out_of_range", { parameter: name, first: keys[0] });
      key = earlier[earlier.length - 1];
    }
    var e = spec.values[key];
    return {
      value: e.value,
      use: { name: name, key: key, source: e.source, confidence: e.confidence, verified: e.verified,
             description: spec.description, latest_applied: latest, disputed: false }
    };
  }
  function lastYear(P, name) {
    return Math.max.apply(null, Object.keys(P.parameters[name].values).map(Number));
  }
  function merge() {
    var out = [], seen = {};
    Array.prototype.forEach.call(arguments, function (list) {
      list.forEach(function (u) {
        var k = u.name + "@" + u.key + (u.disputed ? "!" : "");
        if (!seen[k]) { seen[k] = 1; out.push(u); }
      });
    });
    return out;
  }
  function isInt(v) { return typeof v === "number" && Number.isInteger(v); }

  // --- year-month ------------------------------------------------------------------------------
  function parseYM(text, field) {
    if (typeof text !== "string") throw fail("bad_type", { field: field });
    var m = /^(\d{4})-(\d{2})$/.exec(text);
    if (!m) throw fail("bad_month", { field: field });
    var y = +m[1], mo = +m[2];
    if (mo < 1 || mo > 12) throw fail("bad_month", { field: field });
    if (y < 1900 || y > 2100) throw fail("year_out_of_range", { field: field });
    return y * 12 + mo - 1;
  }
  function ym(i) { return String(Math.floor(i / 12)).padStart(4, "0") + "-" + String(i % 12 + 1).padStart(2, "0"); }
  function age(m) { return { years: Math.floor(m / 12), months: m % 12 }; }

  // --- working (mirror of pension.working) ----------------------------------------------------
  // Every rule returns {rule, outputs, extras, steps, params}, as Python's Result.to_dict: each
  // step is {name, formula, terms, result, unit, note}, terms are numbers {value, kind} with
  // operator strings between them, so a page can print the working in either language.
  function q(value, kind) { return { value: value, kind: kind || "number" }; }
  function step(name, formula, terms, result, unit, note) {
    return { name: name, formula: formula, terms: terms, result: result, unit: unit || "",
             note: note === undefined ? null : note };
  }
  function answer(rule, outputs, steps, params, extras) {
    return { rule: rule, outputs: outputs, extras: extras || {}, steps: steps, params: params };
  }

  // --- rules -----------------------------------------------------------------------------------
  var RULES_IN_FORCE = "2025-01-01", TABLE_IN_FORCE = "2006-01-01", ESTIMATE_AS_OF = "2025-01-01";

  function minContribution(P, year) {
    if (!isInt(year)) throw fail("bad_type", { field: "year" });
    var found = get(P, "min_contribution_months", year), months = Number(found.value);
    return answer("min-contribution", { months: months },
                  [step("min_months", "minimum months for the year the statutory age is reached",
                        [q(year, "number")], q(months, "months"), "months")],
                  [found.use], { years: age(months) });
  }

  function retirementAge(P, birth, category) {
    var schedule = get(P, "retirement_schedule", RULES_IN_FORCE);
    if (["male", "female55", "female50"].indexOf(category) < 0) throw fail("bad_category", { field: "category" });
    var born = parseYM(birth, "birth");
    var flexible = get(P, "flexible_retirement", RULES_IN_FORCE);
    var band = schedule.value[category];
    var original = Number(band.original_age) * 12, offset = born - parseYM(band.first_birth, "first_birth");
    var step_ = Number(band.step_months), cap = Number(band.max_delay_months);
    var delay = offset < 0 ? 0 : Math.min(Math.floor(offset / step_) + 1, cap);
    var statutory = original + delay, retire = born + statutory;
    var maxLate = Number(flexible.value.max_late_months);
    var earliest = Math.max(original, statutory - Number(flexible.value.max_early_months));
    var latest = statutory + maxLate;
    var retireYear = Math.floor(retire / 12), minimum = null, uses = [schedule.use, flexible.use], minSteps = [];
    try {
      var mc = minContribution(P, retireYear);
      minimum = mc.outputs.months;
      uses = uses.concat(mc.params);
      minSteps = mc.steps;
    } catch (e) { if (e.code !== "year_out_of_range") throw e; }
    return answer("retirement-age", { age: age(statutory), retire: ym(retire), delay_months: delay }, [
      step("delay", "delay = min(floor(months after first birth month / step) + 1, max)",
           [q(Math.max(offset, 0), "months"), "÷", q(step_, "months"), "+ 1, ≤", q(cap, "months")],
           q(delay, "months"), "months"),
      step("new_age", "new age = original age + delay", [q(original, "months"), "+", q(delay, "months")],
           q(statutory, "months"), "months"),
      step("retire_month", "retirement month = birth month + new age",
           [q(birth, "text"), "+", q(statutory, "months")], q(ym(retire), "text")),
      // The flexible window (the calculator shows it; its steps word it like any other).
      step("earliest_age", "earliest = new age − months earlier (≤ max, not below the original age)",
           [q(statutory, "months"), "−", q(statutory - earliest, "months")], q(earliest, "months"), "months"),
      step("latest_age", "latest = new age + most months later",
           [q(statutory, "months"), "+", q(maxLate, "months")], q(latest, "months"), "months")
    ].concat(minSteps), merge(uses), {
      original_age: age(original),
      flexible: { earliest_age: age(earliest), earliest_retire: ym(born + earliest),
                  early_months: statutory - earliest, latest_age: age(latest),
                  latest_retire: ym(born + latest), late_months: latest - statutory },
      min_contribution_months: minimum,
      min_contribution_year: minimum === null ? null : retireYear,
      first_birth: band.first_birth
    });
  }

  function paymentMonths(P, years, months) {
    if (months === undefined) months = 0;
    if (!isInt(years)) throw fail("bad_type", { field: "years" });
    if (!isInt(months)) throw fail("bad_type", { field: "months" });
    if (months < 0 || months > 11) throw fail("bad_month", { field: "months" });
    var found = get(P, "payment_months_table", TABLE_IN_FORCE), table = found.value;
    var ages = Object.keys(table).map(Number), low = Math.min.apply(null, ages), high = Math.max.apply(null, ages);
    if (years < low || years > high || (years === high && months)) {
      throw fail("age_out_of_range", { low: low, high: high, field: "years" });
    }
    var disputed = P.parameters.payment_months_table.disputed_ages || [];
    var touched = months === 0 ? [years] : [years, years + 1];
    var use = Object.assign({}, found.use, { disputed: touched.some(function (a) { return disputed.indexOf(a) >= 0; }) });
    var at = dec(table[years]);
    if (months === 0) {
      var whole = round(at, 1);
      return answer("payment-months", { months: whole },
                    [step("payment_months_whole", "M(age) from the table", [q(years, "years")],
                          q(whole, "months"), "months")], [use]);
    }
    var rule = get(P, "payment_months_month_level", RULES_IN_FORCE), next = dec(table[years + 1]);
    var value = round(sub(at, div(mul(sub(at, next), months), 12)), 1);
    return answer("payment-months", { months: value }, [
      step("payment_months_interpolated", "M(a) − (M(a) − M(a+1)) × m ÷ 12, to 1 decimal",
           [q(at, "months"), "− (", q(at, "months"), "−", q(next, "months"), ") ×", q(months, "count"), "÷ 12"],
           q(value, "months"), "months")
    ], [use, rule.use]);
  }

  function limits(P, year) {
    var found = get(P, "contribution_base_limits", year);
    return { lower: dec(found.value.lower), upper: dec(found.value.upper), use: found.use };
  }

  // Each year is checked against its own tier range (tier_range in force on 1 January).
  function tierBase(P, year, percent) {
    var tiers = get(P, "tier_range", year + "-01-01"), low = tiers.value.min, high = tiers.value.max;
    if (!(low <= percent && percent <= high)) {
      throw fail("tier_out_of_range", { min: low, max: high, year: year, field: "percent" });
    }
    var average = get(P, "contribution_average_wage", year), yearly = dec(average.value);
    var base = round(div(mul(yearly, percent), 1200), 0);
    return answer("tier-base", { base: base, percent: percent }, [
      step("tier_base", "yearly average × tier ÷ 12, to the yuan",
           [q(yearly, "amount"), "×", q(div(percent, 100), "rate"), "÷ 12"], q(base, "amount"), "yuan/month")
    ], [tiers.use, average.use]);
  }

  function flexibleContribution(P, year, base) {
    var amount = dec(base), lim = limits(P, year);
    if (cmp(amount, lim.lower) < 0 || cmp(amount, lim.upper) > 0) {
      throw fail("base_out_of_range", { lower: lim.lower, upper: lim.upper, year: year, field: "base" });
    }
    var rate = get(P, "flexible_rate", year), account = get(P, "flexible_account_rate", year);
    var r = dec(rate.value), a = dec(account.value);
    var monthly = fen(mul(amount, r)), accountMonthly = fen(mul(amount, a));
    return answer("flexible-contribution", {
      monthly: monthly, quarterly: mul(monthly, 3), yearly: mul(monthly, 12), personal_account_monthly: accountMonthly
    }, [
      step("monthly", "base × flexible rate", [q(amount, "amount"), "×", q(r, "rate")], q(monthly, "money"), "yuan/month"),
      step("quarterly", "monthly × 3", [q(monthly, "money"), "× 3"], q(mul(monthly, 3), "money"), "yuan/quarter"),
      step("yearly", "monthly × 12", [q(monthly, "money"), "× 12"], q(mul(monthly, 12), "money"), "yuan/year"),
      step("account_monthly", "base × account rate", [q(amount, "amount"), "×", q(a, "rate")],
           q(accountMonthly, "money"), "yuan/month")
    ], [lim.use, rate.use, account.use]);
  }

  function flexibleYear(P, year, changes, lastMonth) {
    if (lastMonth === undefined || lastMonth === null) lastMonth = 12;
    if (!Array.isArray(changes) || !changes.length) throw fail("missing_field", { field: "changes" });
    var starts = changes.map(function (c) {
      if (!c || typeof c !== "object" || Array.isArray(c) || !("from_month" in c) || !("base" in c)) {
        throw fail("missing_field", { field: "changes" });
      }
      var m = c.from_month;
      if (!isInt(m) || m < 1 || m > 12) throw fail("bad_month", { field: "changes" });
      return m;
    });
    for (var i = 1; i < starts.length; i++) if (starts[i] <= starts[i - 1]) throw fail("bad_month", { field: "changes" });
    var total = dec(0), accountTotal = dec(0), months = 0, segments = [], steps = [], uses = [];
    changes.forEach(function (c, k) {
      var one;
      try { one = flexibleContribution(P, year, c.base); } catch (e) {
        if (e.code === "base_out_of_range") e.details = Object.assign({}, e.details, { field: "changes", change: k });
        throw e;
      }
      var end = k + 1 < starts.length ? starts[k + 1] : lastMonth + 1, count = end - starts[k];
      var subtotal = mul(one.outputs.monthly, count);
      total = add(total, subtotal);
      accountTotal = add(accountTotal, mul(one.outputs.personal_account_monthly, count));
      months += count;
      segments.push({ from_month: starts[k], to_month: end - 1, months: count, base: dec(c.base),
                      monthly: one.outputs.monthly, subtotal: subtotal });
      steps.push(one.steps[0]);
      steps.push(step("segment", "monthly × months", [q(one.outputs.monthly, "money"), "×", q(count, "months")],
                      q(subtotal, "money"), "yuan"));
      uses.push(one.params);
    });
    var terms = [];
    segments.forEach(function (s) { if (terms.length) terms.push("+"); terms.push(q(s.subtotal, "money")); });
    steps.push(step("year_total", "sum of the segments", terms, q(total, "money"), "yuan"));
    return answer("flexible-year", { segments: segments, months: months, total: total,
                                     personal_account_total: accountTotal }, steps, merge.apply(null, uses));
  }

  // Mirror of pension.flexible_plan: the base as typed, or the tier's base (the page's field is
  // "tier", tier-base's is "percent").
  function chosenBase(P, year, base, tier) {
    var none = function (v) { return v === undefined || v === null; };
    if (none(base) && none(tier)) throw fail("missing_field", { field: "base" });
    if (!none(base) && !none(tier)) throw fail("bad_input", { field: "tier" });
    if (!none(base)) return { base: dec(base), steps: [], params: [] };
    var found;
    try { found = tierBase(P, year, tier); } catch (e) {
      if ((e.details || {}).field === "percent") e.details = Object.assign({}, e.details, { field: "tier" });
      throw e;
    }
    return { base: found.outputs.base, steps: found.steps, params: found.params };
  }
  // [from_month, base] per change in the order given; a refusal names the change by its index.
  function checkedChanges(changes) {
    if (!Array.isArray(changes)) throw fail("bad_type", { field: "changes" });
    var rows = [];
    changes.forEach(function (c, k) {
      if (!c || typeof c !== "object" || Array.isArray(c) || !("from_month" in c) || !("base" in c)) {
        throw fail("missing_field", { field: "changes", change: k });
      }
      var m = c.from_month;
      if (!isInt(m) || m < 2 || m > 12) throw fail("bad_month", { field: "changes", change: k });
      if (rows.some(function (row) { return row[0] === m; })) throw fail("bad_month", { field: "changes", change: k, twice: true });
      rows.push([m, c.base]);
    });
    return rows;
  }
  function flexiblePlan(P, year, base, tier, changes) {
    var chosen = chosenBase(P, year, base, tier), one = flexibleContribution(P, year, chosen.base);
    var outputs = Object.assign({ base: chosen.base }, one.outputs);
    var steps = chosen.steps.concat(one.steps), uses = merge(chosen.params, one.params);
    var rows = changes === undefined || changes === null ? [] : checkedChanges(changes);
    if (rows.length) {
      var order = rows.map(function (_, i) { return i; }).sort(function (a, b) { return rows[a][0] - rows[b][0]; });
      var listed = [{ from_month: 1, base: chosen.base }].concat(order.map(function (i) {
        return { from_month: rows[i][0], base: rows[i][1] };
      }));
      var whole;
      try { whole = flexibleYear(P, year, listed); } catch (e) {
        var change = (e.details || {}).change;
        if (change) e.details = Object.assign({}, e.details, { change: order[change - 1] });
        throw e;
      }
      Object.assign(outputs, whole.outputs);
      steps = steps.concat(whole.steps);
      uses = merge(uses, whole.params);
    }
    return answer("flexible-plan", outputs, steps, uses);
  }

  // Mirror of pension.leave_mid_year (clause 4): months to declare, the deadlines, the cost.
  function leaveMidYear(P, year, leaveMonth, base, lastPaidMonth, tier) {
    var lastPaid = lastPaidMonth === undefined || lastPaidMonth === null ? leaveMonth : lastPaidMonth;
    [["leave_month", leaveMonth], ["last_paid_month", lastPaid]].forEach(function (pair) {
      if (!isInt(pair[1]) || pair[1] < 1 || pair[1] > 12) throw fail("bad_month", { field: pair[0] });
    });
    var rule, months = [];
    try { rule = get(P, "leave_mid_year_deadlines", year); } catch (e) {
      if (e.code === "year_out_of_range") e.details = Object.assign({}, e.details, { field: "year", asked: year });
      throw e;
    }
    for (var m = lastPaid + 1; m <= 12; m++) months.push(ym(year * 12 + m - 1));
    var outputs = {
      months_to_declare: months, month_count: months.length,
      declare_by: String(year).padStart(4, "0") + "-" + rule.value.declare_by,
      pay_by: String(year + 1).padStart(4, "0") + "-" + rule.value.pay_by_next_year,
      last_paid_month: ym(year * 12 + lastPaid - 1)
    };
    var steps = [step("months_to_declare", "12 − last month paid by the employer",
                      [q(12, "count"), "−", q(lastPaid, "count")], q(months.length, "months"), "months")];
    var uses = [[rule.use]], extras = { first_month: months.length ? months[0] : null };
    if (!(base === undefined || base === null) || !(tier === undefined || tier === null)) {
      var chosen = chosenBase(P, year, base, tier), one = flexibleContribution(P, year, chosen.base);
      steps = chosen.steps.concat(steps);
      uses.unshift(chosen.params);
      extras.base = chosen.base;
      var monthly = one.outputs.monthly, total = mul(monthly, months.length);
      outputs.monthly = monthly;
      outputs.total = total;
      steps.push(one.steps[0]);
      steps.push(step("leave_total", "monthly × months to declare", [q(monthly, "money"), "×", q(months.length, "months")],
                      q(total, "money"), "yuan"));
      uses.push(one.params);
    } else if (!months.length) {
      outputs.monthly = null;
      outputs.total = dec(0);
    }
    return answer("leave-mid-year", outputs, steps, merge.apply(null, uses), extras);
  }

  // What the job leaver's months cost at each tier (mirror of pension.leave_tiers): one row per
  // tier, the reader's own base marked (a typed base that is no tier's gets a row "own").
  function leaveMidYearTiers(P, a) {
    var own = leaveMidYear(P, a.year, a.leave_month, a.base, a.last_paid_month, a.tier), tiers = a.tiers;
    if (!tiers.length) throw fail("bad_value", { field: "tiers" });
    tiers.forEach(function (t) { if (!isInt(t)) throw fail("bad_type", { field: "tiers" }); });
    var ownBase = own.extras.base === undefined ? null : own.extras.base;
    var ownTotal = ownBase === null ? null : own.outputs.total, uses = [own.params], rows = [], seen = {};
    function row(key, percent, found) {
      var total = found.outputs.total;
      return { key: key, tier: percent, base: found.extras.base, monthly: found.outputs.monthly, total: total,
               own: ownBase !== null && cmp(found.extras.base, ownBase) === 0,
               difference: ownTotal === null ? null : sub(total, ownTotal) };
    }
    if (own.outputs.month_count) {
      var wanted = tiers.concat(a.tier === undefined || a.tier === null ? [] : [a.tier]);
      wanted.sort(function (x, y) { return x - y; }).forEach(function (t) {
        if (seen[t]) return;
        seen[t] = 1;
        var found;
        try { found = leaveMidYear(P, a.year, a.leave_month, null, a.last_paid_month, t); } catch (e) {
          if (e.details) e.details = Object.assign({}, e.details, { field: "tiers" });
          throw e;
        }
        uses.push(found.params);
        rows.push(row("tier:" + t, t, found));
      });
      if (ownBase !== null && !rows.some(function (r) { return r.own; })) {
        rows.push(row("own", null, own));
        rows.sort(function (x, y) { return cmp(x.base, y.base); });
      }
    }
    return answer("leave-mid-year-tiers", { tiers: rows }, own.steps, merge.apply(null, uses),
                  { own_base: ownBase, own_total: ownTotal });
  }

  function employeeContribution(P, year, wage) {
    var amount = dec(wage);
    if (amount.p < Z) throw fail("bad_value", { field: "wage" });
    var lim = limits(P, year);
    var base = cmp(amount, lim.lower) < 0 ? lim.lower : cmp(amount, lim.upper) > 0 ? lim.upper : amount;
    var clamped = cmp(amount, lim.lower) < 0 ? "lower" : cmp(amount, lim.upper) > 0 ? "upper" : null;
    var er = get(P, "employer_rate", year), ee = get(P, "employee_rate", year);
    var erRate = dec(er.value), eeRate = dec(ee.value);
    var employer = fen(mul(base, erRate)), employee = fen(mul(base, eeRate)), total = add(employer, employee);
    return answer("employee-contribution",
                  { base: base, clamped: clamped, employer: employer, employee: employee, total: total }, [
      step("clamp", "base = wage, kept between the lower and upper limits",
           [q(amount, "amount"), "→", q(lim.lower, "amount"), "–", q(lim.upper, "amount")], q(base, "amount"), "yuan/month"),
      step("employer", "base × employer rate", [q(base, "amount"), "×", q(erRate, "rate")], q(employer, "money"), "yuan/month"),
      step("employee", "base × employee rate", [q(base, "amount"), "×", q(eeRate, "rate")], q(employee, "money"), "yuan/month"),
      step("total", "employer + employee", [q(employer, "money"), "+", q(employee, "money")], q(total, "money"), "yuan/month")
    ], [lim.use, er.use, ee.use], { lower: lim.lower, upper: lim.upper });
  }

  // A number typed in is refused above the rules' largest input (pension.rules._check).
  function bounded(P, name, value) {
    var n;
    try { n = dec(value); } catch (e) { throw fail("bad_type", { field: name }); }
    if (cmp(n, P.limits.largest_input) > 0 || cmp(n, sub(0, P.limits.largest_input)) < 0) {
      throw fail("too_large", { field: name, largest: dec(P.limits.largest_input) });
    }
    return n;
  }
  // Mirror of pension.estimate.positive; P.limits holds the rules' own input bounds.
  // As pension.rules.run checks a typed number (bounded) before the rule checks its sign.
  function positive(P, name, value, allowZero) {
    var n = bounded(P, name, value);
    if (n.p < Z || (n.p === Z && !allowZero)) throw fail("bad_value", { field: name });
    return n;
  }

  function pensionEstimate(P, a, extraParams) {
    var c = positive(P, "jifa_base", a.jifa_base, false), i = positive(P, "index", a.index, true);
    var n = positive(P, "years", a.years, true), d = positive(P, "deemed_years", a.deemed_years, true);
    var balance = positive(P, "account_balance", a.account_balance, true);
    var months = positive(P, "payment_months", a.payment_months, false);
    if (cmp(d, n) > 0) throw fail("bad_value", { field: "deemed_years" });
    if (cmp(months, 1) < 0) throw fail("too_small", { field: "payment_months", smallest: 1 });
    var rate = get(P, "basic_pension_rate", ESTIMATE_AS_OF), coeff = get(P, "transitional_coefficient", ESTIMATE_AS_OF);
    var r = dec(rate.value), k = dec(coeff.value);
    var basic = fen(mul(mul(div(mul(c, add(1, i)), 2), n), r));
    var account = fen(div(balance, months));
    var transitional = fen(mul(mul(mul(c, i), d), k));
    var total = add(add(basic, account), transitional);
    return answer("pension-estimate", { basic: basic, personal_account: account, transitional: transitional, total: total }, [
      step("basic", "C × (1 + I) ÷ 2 × N × 1%",
           [q(c, "amount"), "× (1 +", q(i, "index"), ") ÷ 2 ×", q(n, "years"), "×", q(r, "rate")], q(basic, "money"), "yuan/month"),
      step("personal_account", "balance ÷ payment months", [q(balance, "money"), "÷", q(months, "months")],
           q(account, "money"), "yuan/month"),
      step("transitional", "C × I × deemed years × 1.3%",
           [q(c, "amount"), "×", q(i, "index"), "×", q(d, "years"), "×", q(k, "rate")], q(transitional, "money"), "yuan/month"),
      step("total", "basic + personal account + transitional",
           [q(basic, "money"), "+", q(account, "money"), "+", q(transitional, "money")], q(total, "money"), "yuan/month")
    ], (extraParams || []).concat([rate.use, coeff.use]));
  }

  function accountProjection(P, years, monthlyBase, interestRate, startBalance, accountRateYear, rateYear) {
    var uses = [];
    if (interestRate === undefined || interestRate === null) {
      if (rateYear === undefined || rateYear === null) throw fail("missing_field", { field: "interest_rate" });
      var found = get(P, "account_interest_rate", rateYear);
      interestRate = found.value;
      uses.push(found.use);
    }
    if (!isInt(years) || years < 0 || years > P.limits.projection_years) throw fail("bad_value", { field: "years" });
    var base = dec(monthlyBase), rate = dec(interestRate), balance = fen(dec(startBalance || 0));
    if (base.p < Z) throw fail("bad_value", { field: "monthly_base" });
    if (balance.p < Z) throw fail("bad_value", { field: "start_balance" });
    if (rate.p < Z || cmp(rate, 1) >= 0) throw fail("bad_value", { field: "interest_rate" });
    var share = get(P, "employee_rate", accountRateYear || 2025), s = dec(share.value);
    var yearly = fen(mul(mul(base, s), 12)), rows = [];
    var steps = [step("yearly_credit", "monthly base × 8% × 12", [q(base, "amount"), "×", q(s, "rate"), "× 12"],
                      q(yearly, "money"), "yuan/year")];
    for (var y = 1; y <= years; y++) {
      var opening = balance;
      balance = add(fen(mul(opening, add(1, rate))), yearly);
      rows.push({ year: y, opening: opening, closing: balance });
      steps.push(step("projection_year", "opening × (1 + rate) + yearly credit",
                      [q(opening, "money"), "× (1 +", q(rate, "rate"), ") +", q(yearly, "money")],
                      q(balance, "money"), "yuan", "year " + y));
    }
    return answer("account-projection",
                  { balance: balance, yearly_credit: yearly, interest_rate: rate, years: rows, estimate: true },
                  steps, [share.use].concat(uses));
  }

  // Guided estimate: birth month, category, years paid so far, base tier (and an optional
  // balance today) → retirement age, 计发月数, projected balance and the three parts.
  // Assumptions (shown on the page): contributions every year from the latest year with tier
  // data until the retirement year, at that year's tier base; index = tier ÷ 100; the latest
  // published 计发基数 and interest rate for every future year; no deemed years.
  function guidedEstimate(P, a) {
    var ra = retirementAge(P, a.birth, a.category);
    if (a.retire !== undefined && a.retire !== null) ra = retireInWindow(ra, a.birth, a.retire);
    var given = a.balance !== undefined && a.balance !== null;
    var paid = positive(P, "paid", a.paid, true), tier = a.tier, balance = given ? a.balance : 0;
    if (!isInt(tier)) throw fail("bad_type", { field: "tier" });
    positive(P, "balance", balance, true);
    var start = lastYear(P, "contribution_average_wage"), retireYear = Number(ra.outputs.retire.slice(0, 4));
    if (retireYear < start) throw fail("already_retired", { field: "birth", year: start });
    var remaining = retireYear - start, most = P.limits.projection_years;
    if (remaining > most) throw fail("too_far", { field: "birth", years: remaining, most: most });
    var ageNow = start - Number(String(a.birth).slice(0, 4));
    if (cmp(paid, Math.max(ageNow, 0)) > 0) throw fail("paid_over_age", { field: "paid", age: ageNow, year: start });
    var tb;
    try { tb = tierBase(P, start, tier); } catch (e) {
      if (e.code === "tier_out_of_range") e.details = Object.assign({}, e.details, { field: "tier" });
      throw e;
    }
    var pm = paymentMonths(P, ra.outputs.age.years, ra.outputs.age.months);
    var proj = accountProjection(P, remaining, tb.outputs.base, null, balance, 2025, lastYear(P, "account_interest_rate"));
    var jifaYear = lastYear(P, "jifa_base"), jifa = get(P, "jifa_base", jifaYear);
    var years = add(paid, remaining);
    var est = pensionEstimate(P, { jifa_base: jifa.value, index: div(tier, 100), years: years, deemed_years: 0,
                                   account_balance: proj.outputs.balance, payment_months: pm.outputs.months },
                              [jifa.use]);
    return answer("guided-estimate",
                  Object.assign({ age: ra.outputs.age, retire: ra.outputs.retire, payment_months: pm.outputs.months,
                                  balance: proj.outputs.balance }, est.outputs),
                  [].concat(tb.steps, pm.steps, proj.steps, est.steps),
                  merge(ra.params, tb.params, pm.params, proj.params, est.params),
                  { start_year: start, remaining: remaining, monthly_base: tb.outputs.base,
                    yearly_credit: proj.outputs.yearly_credit, interest_rate: proj.outputs.interest_rate,
                    jifa_year: jifaYear, years: years, tier: tier,
                    min_contribution_months: ra.extras.min_contribution_months,
                    below_min: ra.extras.min_contribution_months !== null &&
                      cmp(mul(years, 12), ra.extras.min_contribution_months) < 0,
                    balance_assumed_zero: !given && cmp(paid, 0) > 0 });
  }

  // The statutory answer with `retire` as the retirement month, inside the flexible window.
  function retireInWindow(ra, birth, retire) {
    var flexible = ra.extras.flexible, chosen = parseYM(retire, "retire");
    var earliest = flexible.earliest_retire, latest = flexible.latest_retire;
    if (chosen < parseYM(earliest) || chosen > parseYM(latest)) {
      throw fail("retire_out_of_window", { field: "retire", earliest: earliest, latest: latest });
    }
    var outputs = Object.assign({}, ra.outputs, { age: age(chosen - parseYM(birth, "birth")), retire: ym(chosen) });
    return Object.assign({}, ra, { outputs: outputs });
  }

  // The reader's options (mirror of pension.scenarios): other tiers, other retirement months,
  // each against the reader's own case; its docstring states what each figure counts.
  function guidedScenarios(P, a) {
    var own = guidedEstimate(P, a), tiers = a.tiers;
    if (!tiers.length) throw fail("bad_value", { field: "tiers" });
    tiers.forEach(function (t) { if (!isInt(t)) throw fail("bad_type", { field: "tiers" }); });
    var start = own.extras.start_year, rate = get(P, "flexible_rate", start + "-01-01"), r = dec(rate.value);
    var ownBase = own.extras.monthly_base, ownPay = fen(mul(ownBase, r)), ownMonth = parseYM(own.outputs.retire);
    var uses = [own.params, [rate.use]];
    function row(key, found, pay) {
      var out = found.outputs, later = parseYM(out.retire) - ownMonth;
      var extraPaid = sub(mul(pay, 12 * found.extras.remaining), mul(ownPay, 12 * own.extras.remaining));
      var forgone = mul(Math.max(later, 0), own.outputs.total), gain = sub(out.total, own.outputs.total);
      var cost = add(extraPaid, forgone), payback = null;
      if (cmp(cost, 0) > 0 && cmp(gain, 0) > 0) {
        var ratio = div(cost, gain);
        payback = Number((ratio.p + ratio.q - ONE) / ratio.q);
      }
      uses.push(found.params);
      return { key: key, own: found === own, tier: found.extras.tier, retire: out.retire, age: out.age,
               basic: out.basic, personal_account: out.personal_account, total: out.total, gain: gain,
               extra_paid: extraPaid, forgone: forgone, payback_months: payback };
    }
    var tierRows = [], monthRows = [], seen = {};
    [a.tier].concat(tiers).sort(function (x, y) { return x - y; }).forEach(function (t) {
      if (seen[t]) return;
      seen[t] = 1;
      var found = own;
      if (t !== a.tier) {
        try { found = guidedEstimate(P, Object.assign({}, a, { tier: t })); } catch (e) {
          if (e.details) e.details = Object.assign({}, e.details, { field: "tiers" });
          throw e;
        }
      }
      tierRows.push(row("tier:" + t, found, fen(mul(found.extras.monthly_base, r))));
    });
    var ra = retirementAge(P, a.birth, a.category), window_ = ra.extras.flexible;
    var earliest = parseYM(window_.earliest_retire), latest = parseYM(window_.latest_retire), months = {};
    for (var m = earliest; m <= latest; m += 12) months[m] = 1;
    months[parseYM(ra.outputs.retire)] = months[latest] = 1;
    Object.keys(months).map(Number).sort(function (x, y) { return x - y; }).forEach(function (month) {
      var found = own;
      if (month !== ownMonth) {
        try { found = guidedEstimate(P, Object.assign({}, a, { retire: ym(month) })); } catch (e) {
          if (e.code === "already_retired" || e.code === "too_far") return;
          throw e;
        }
      }
      monthRows.push(row("retire:" + ym(month), found, ownPay));
    });
    return answer("guided-scenarios", { tiers: tierRows, retire_months: monthRows },
                  [step("monthly", "base × flexible rate", [q(ownBase, "amount"), "×", q(r, "rate")], q(ownPay, "money"), "yuan/month")],
                  merge.apply(null, uses),
                  { start_year: start, flexible_rate: r, monthly_contribution: ownPay, own_tier: a.tier,
                    own_retire: own.outputs.retire });
  }

  // Every retirement option at a glance (mirror of pension.retirement_options).
  function retirementOptions(P, birth, category) {
    var ra = retirementAge(P, birth, category), w = ra.extras.flexible, statutoryYear = Number(ra.outputs.retire.slice(0, 4));
    var rows = [], steps = ra.steps.slice(), uses = [ra.params];
    [["earliest", w.earliest_retire, w.earliest_age, Number(w.earliest_retire.slice(0, 4))],
     ["statutory", ra.outputs.retire, ra.outputs.age, statutoryYear],
     ["latest", w.latest_retire, w.latest_age, statutoryYear]].forEach(function (o) {
      var pm = paymentMonths(P, o[2].years, o[2].months), minimum = null;
      try {
        var found = minContribution(P, o[3]);
        minimum = found.outputs.months;
        uses.push(found.params);
      } catch (e) { if (e.code !== "year_out_of_range") throw e; }
      steps = steps.concat(pm.steps);
      uses.push(pm.params);
      rows.push({ key: "option:" + o[0], option: o[0], retire: o[1], age: o[2], payment_months: pm.outputs.months,
                  min_contribution_months: minimum, min_contribution_year: minimum === null ? null : o[3],
                  min_verified: o[3] === statutoryYear });
    });
    return answer("retirement-options", { options: rows }, steps, merge.apply(null, uses));
  }

  // --- the rule table and its input checks (mirror of pension.rules) ---------------------------
  // name -> [function of the checked input, "field:type" required, "field:type" optional].
  // tests/test_calculators_js.py checks this table names the same rules and fields as Python's.
  var RULES = {
    "retirement-age": [function (P, i) { return retirementAge(P, i.birth, i.category); }, "birth:str category:str"],
    "min-contribution": [function (P, i) { return minContribution(P, i.year); }, "year:int"],
    "payment-months": [function (P, i) { return paymentMonths(P, i.years, i.months); }, "years:int months:int"],
    "flexible-contribution": [function (P, i) { return flexibleContribution(P, i.year, i.base); }, "year:int base:num"],
    "tier-base": [function (P, i) { return tierBase(P, i.year, i.percent); }, "year:int percent:int"],
    "flexible-year": [function (P, i) { return flexibleYear(P, i.year, i.changes, i.last_month); },
                      "year:int changes:list", "last_month:int"],
    "flexible-plan": [function (P, i) { return flexiblePlan(P, i.year, i.base, i.tier, i.changes); },
                      "year:int", "base:num tier:int changes:list"],
    "leave-mid-year": [function (P, i) {
      return leaveMidYear(P, i.year, i.leave_month, i.base, i.last_paid_month, i.tier);
    }, "year:int leave_month:int", "base:num last_paid_month:int tier:int"],
    "leave-mid-year-tiers": [function (P, i) { return leaveMidYearTiers(P, i); },
                             "year:int leave_month:int tiers:list", "base:num last_paid_month:int tier:int"],
    "employee-contribution": [function (P, i) { return employeeContribution(P, i.year, i.wage); }, "year:int wage:num"],
    "pension-estimate": [function (P, i) { return pensionEstimate(P, i); },
                         "jifa_base:num index:num years:num deemed_years:num account_balance:num payment_months:num"],
    "guided-estimate": [function (P, i) { return guidedEstimate(P, i); },
                        "birth:str category:str paid:num tier:int", "balance:num retire:str"],
    "guided-scenarios": [function (P, i) { return guidedScenarios(P, i); },
                         "birth:str category:str paid:num tier:int tiers:list", "balance:num"],
    "retirement-options": [function (P, i) { return retirementOptions(P, i.birth, i.category); }, "birth:str category:str"],
    "account-projection": [function (P, i) {
      return accountProjection(P, i.years, i.monthly_base, i.interest_rate, i.start_balance, 2025, i.rate_year);
    }, "years:int monthly_base:num", "interest_rate:num start_balance:num rate_year:int"]
  };
  // {field: [type, required]} of one rule, in the table's order.
  function fields(rule) {
    var out = {}, spec = RULES[rule];
    [[spec[1], true], [spec[2] || "", false]].forEach(function (group) {
      group[0].split(" ").filter(Boolean).forEach(function (item) {
        var parts = item.split(":");
        out[parts[0]] = [parts[1], group[1]];
      });
    });
    return out;
  }
  function check(P, name, kind, value) {
    if (kind === "int") {
      if (!isInt(value)) throw fail("bad_type", { field: name });
    } else if (kind === "num") {
      if (typeof value !== "number" && typeof value !== "string") throw fail("bad_type", { field: name });
      return bounded(P, name, value);
    } else if (kind === "str" && typeof value !== "string") {
      throw fail("bad_type", { field: name });
    } else if (kind === "list" && !Array.isArray(value)) {
      throw fail("bad_type", { field: name });
    }
    return value;
  }
  // The same input object as `python -m pension calc RULE --input`: check it, run the rule.
  function run(P, rule, input) {
    if (!Object.prototype.hasOwnProperty.call(RULES, rule)) throw fail("unknown_rule", {});
    if (!input || typeof input !== "object" || Array.isArray(input)) throw fail("bad_input", {});
    var spec = fields(rule), args = {};
    var unknown = Object.keys(input).filter(function (k) { return !Object.prototype.hasOwnProperty.call(spec, k); }).sort();
    if (unknown.length) throw fail("unknown_field", { field: unknown[0] });
    Object.keys(spec).forEach(function (name) {
      var value = input[name];
      if (value === undefined || value === null) {
        if (spec[name][1]) throw fail("missing_field", { field: name });
        return;
      }
      args[name] = check(P, name, spec[name][0], value);
    });
    try {
      return RULES[rule][0](P, args);
    } catch (e) {
      throw nameTheInput(e, input);
    }
  }
  // A parameter has no value for the year asked: say which input gave that year.
  function nameTheInput(e, input) {
    var d = e.details || {};
    if (e.code !== "year_out_of_range" || d.asked === undefined || d.asked === null || "field" in d) return e;
    var named = Object.keys(input).filter(function (k) { return input[k] === d.asked; });
    if (!named.length) return e;
    e.details = Object.assign({}, d, { field: named[0] });
    return e;
  }

  root.PensionCore = {
    dec: dec, add: add, sub: sub, mul: mul, div: div, cmp: cmp, round: round, str: str, num: num,
    get: get, lastYear: lastYear, parseYM: parseYM, fail: fail, run: run, fields: fields,
    rules: Object.keys(RULES),
    retirementAge: retirementAge, minContribution: minContribution, paymentMonths: paymentMonths,
    limits: limits, tierBase: tierBase, flexibleContribution: flexibleContribution, flexibleYear: flexibleYear,
    employeeContribution: employeeContribution, pensionEstimate: pensionEstimate,
    accountProjection: accountProjection, guidedEstimate: guidedEstimate, flexiblePlan: flexiblePlan,
    leaveMidYear: leaveMidYear
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
