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
  function pow10(n) { return TEN ** B(n); }
  function dec(v) {
    if (v && typeof v === "object" && "p" in v) return v;
    if (typeof v === "boolean" || v === null || v === undefined) throw fail("bad_type");
    var m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(String(v).trim());
    if (!m || (m[2] === "" && !m[3])) throw fail("bad_type");
    var frac = m[3] || "", exp = (m[4] ? parseInt(m[4], 10) : 0) - frac.length;
    var n = B(m[2] + frac || "0");
    if (m[1] === "-") n = -n;
    return exp >= 0 ? fr(n * pow10(exp), ONE) : fr(n, pow10(-exp));
  }
  function add(a, b) { a = dec(a); b = dec(b); return fr(a.p * b.q + b.p * a.q, a.q * b.q); }
  function sub(a, b) { b = dec(b); return add(a, { p: -b.p, q: b.q }); }
  function mul(a, b) { a = dec(a); b = dec(b); return fr(a.p * b.p, a.q * b.q); }
  function div(a, b) { a = dec(a); b = dec(b); return fr(a.p * b.q, a.q * b.p); }
  function cmp(a, b) { var d = sub(a, b).p; return d > Z ? 1 : d < Z ? -1 : 0; }
  // Half up (away from zero on a tie) to `dp` decimals; the result is again a fraction.
  function round(a, dp) {
    a = dec(a);
    var n = a.p * pow10(dp), neg = n < Z;
    if (neg) n = -n;
    var r = (TWO * n + a.q) / (TWO * a.q);
    return fr(neg ? -r : r, pow10(dp));
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

  // --- rules -----------------------------------------------------------------------------------
  var RULES_IN_FORCE = "2025-01-01", TABLE_IN_FORCE = "2006-01-01", ESTIMATE_AS_OF = "2025-01-01";

  function minContribution(P, year) {
    if (!isInt(year)) throw fail("bad_type", { field: "year" });
    var found = get(P, "min_contribution_months", year), months = Number(found.value);
    return { outputs: { months: months }, extras: { years: age(months) }, params: [found.use] };
  }

  function retirementAge(P, birth, category) {
    var schedule = get(P, "retirement_schedule", RULES_IN_FORCE);
    if (!Object.prototype.hasOwnProperty.call(schedule.value, category)) throw fail("bad_category");
    var born = parseYM(birth, "birth");
    var flexible = get(P, "flexible_retirement", RULES_IN_FORCE);
    var band = schedule.value[category];
    var original = Number(band.original_age) * 12, offset = born - parseYM(band.first_birth, "first_birth");
    var step = Number(band.step_months), cap = Number(band.max_delay_months);
    var delay = offset < 0 ? 0 : Math.min(Math.floor(offset / step) + 1, cap);
    var statutory = original + delay, retire = born + statutory;
    var earliest = Math.max(original, statutory - Number(flexible.value.max_early_months));
    var latest = statutory + Number(flexible.value.max_late_months);
    var retireYear = Math.floor(retire / 12), minimum = null, uses = [schedule.use, flexible.use];
    try {
      var mc = minContribution(P, retireYear);
      minimum = mc.outputs.months;
      uses = uses.concat(mc.params);
    } catch (e) { if (e.code !== "year_out_of_range") throw e; }
    return {
      outputs: { age: age(statutory), retire: ym(retire), delay_months: delay },
      extras: {
        original_age: age(original),
        flexible: { earliest_age: age(earliest), earliest_retire: ym(born + earliest),
                    early_months: statutory - earliest, latest_age: age(latest),
                    latest_retire: ym(born + latest), late_months: latest - statutory },
        min_contribution_months: minimum,
        min_contribution_year: minimum === null ? null : retireYear,
        offset: Math.max(offset, 0), step: step, cap: cap, first_birth: band.first_birth,
        original_months: original, statutory_months: statutory
      },
      params: uses
    };
  }

  function paymentMonths(P, years, months) {
    if (months === undefined) months = 0;
    if (!isInt(years)) throw fail("bad_type", { field: "years" });
    if (!isInt(months)) throw fail("bad_type", { field: "months" });
    if (months < 0 || months > 11) throw fail("bad_month");
    var found = get(P, "payment_months_table", TABLE_IN_FORCE), table = found.value;
    var ages = Object.keys(table).map(Number), low = Math.min.apply(null, ages), high = Math.max.apply(null, ages);
    if (years < low || years > high || (years === high && months)) throw fail("age_out_of_range", { low: low, high: high });
    var disputed = P.parameters.payment_months_table.disputed_ages || [];
    var touched = months === 0 ? [years] : [years, years + 1];
    var use = Object.assign({}, found.use, { disputed: touched.some(function (a) { return disputed.indexOf(a) >= 0; }) });
    var at = dec(table[years]);
    if (months === 0) return { outputs: { months: round(at, 1) }, extras: { at: at }, params: [use] };
    var rule = get(P, "payment_months_month_level", RULES_IN_FORCE), next = dec(table[years + 1]);
    var exact = sub(at, div(mul(sub(at, next), months), 12));
    return { outputs: { months: round(exact, 1) }, extras: { at: at, next: next }, params: [use, rule.use] };
  }

  function limits(P, year) {
    var found = get(P, "contribution_base_limits", year);
    return { lower: dec(found.value.lower), upper: dec(found.value.upper), use: found.use };
  }

  function tierBase(P, year, percent) {
    var tiers = get(P, "tier_range", year + "-01-01");
    if (!(tiers.value.min <= percent && percent <= tiers.value.max)) {
      throw fail("tier_out_of_range", { min: tiers.value.min, max: tiers.value.max });
    }
    var average = get(P, "contribution_average_wage", year), yearly = dec(average.value);
    var base = round(div(mul(yearly, percent), 1200), 0);
    return { outputs: { base: base, percent: percent }, extras: { average: yearly }, params: [tiers.use, average.use] };
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
  function flexibleContribution(P, year, base) {
    var amount = bounded(P, "base", base), lim = limits(P, year);
    if (cmp(amount, lim.lower) < 0 || cmp(amount, lim.upper) > 0) {
      throw fail("base_out_of_range", { lower: lim.lower, upper: lim.upper, year: year });
    }
    var rate = get(P, "flexible_rate", year), account = get(P, "flexible_account_rate", year);
    var monthly = fen(mul(amount, rate.value)), accountMonthly = fen(mul(amount, account.value));
    return {
      outputs: { monthly: monthly, quarterly: mul(monthly, 3), yearly: mul(monthly, 12),
                 personal_account_monthly: accountMonthly },
      extras: { base: amount, rate: dec(rate.value), account_rate: dec(account.value) },
      params: [lim.use, rate.use, account.use]
    };
  }

  function flexibleYear(P, year, changes, lastMonth) {
    if (lastMonth === undefined) lastMonth = 12;
    if (!Array.isArray(changes) || !changes.length) throw fail("missing_field");
    var starts = changes.map(function (c) {
      if (!c || typeof c !== "object" || !("from_month" in c) || !("base" in c)) throw fail("missing_field");
      var m = c.from_month;
      if (!isInt(m) || m < 1 || m > 12) throw fail("bad_month");
      return m;
    });
    for (var i = 1; i < starts.length; i++) if (starts[i] <= starts[i - 1]) throw fail("bad_month");
    var total = dec(0), accountTotal = dec(0), months = 0, segments = [], uses = [];
    changes.forEach(function (c, k) {
      var one = flexibleContribution(P, year, c.base);
      var end = k + 1 < starts.length ? starts[k + 1] : lastMonth + 1, count = end - starts[k];
      var subtotal = mul(one.outputs.monthly, count);
      total = add(total, subtotal);
      accountTotal = add(accountTotal, mul(one.outputs.personal_account_monthly, count));
      months += count;
      segments.push({ from_month: starts[k], to_month: end - 1, months: count, base: dec(c.base),
                      monthly: one.outputs.monthly, subtotal: subtotal });
      uses.push(one.params);
    });
    return { outputs: { segments: segments, months: months, total: total, personal_account_total: accountTotal },
             extras: {}, params: merge.apply(null, uses) };
  }

  function employeeContribution(P, year, wage) {
    var amount = bounded(P, "wage", wage);
    if (amount.p < Z) throw fail("bad_value");
    var lim = limits(P, year);
    var base = cmp(amount, lim.lower) < 0 ? lim.lower : cmp(amount, lim.upper) > 0 ? lim.upper : amount;
    var clamped = cmp(amount, lim.lower) < 0 ? "lower" : cmp(amount, lim.upper) > 0 ? "upper" : null;
    var er = get(P, "employer_rate", year), ee = get(P, "employee_rate", year);
    var employer = fen(mul(base, er.value)), employee = fen(mul(base, ee.value));
    return {
      outputs: { base: base, clamped: clamped, employer: employer, employee: employee, total: add(employer, employee) },
      extras: { wage: amount, lower: lim.lower, upper: lim.upper, employer_rate: dec(er.value), employee_rate: dec(ee.value) },
      params: [lim.use, er.use, ee.use]
    };
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
    return {
      outputs: { basic: basic, personal_account: account, transitional: transitional,
                 total: add(add(basic, account), transitional) },
      extras: { c: c, i: i, n: n, d: d, balance: balance, payment_months: months, rate: r, coefficient: k },
      params: (extraParams || []).concat([rate.use, coeff.use])
    };
  }

  function accountProjection(P, years, monthlyBase, interestRate, startBalance, accountRateYear, rateYear) {
    var uses = [];
    if (interestRate === undefined || interestRate === null) {
      if (rateYear === undefined || rateYear === null) throw fail("missing_field");
      var found = get(P, "account_interest_rate", rateYear);
      interestRate = found.value;
      uses.push(found.use);
    }
    if (!isInt(years) || years < 0 || years > P.limits.projection_years) throw fail("bad_value", { field: "years" });
    var base = dec(monthlyBase), rate = dec(interestRate), balance = fen(dec(startBalance || 0));
    if (base.p < Z || balance.p < Z || rate.p < Z || cmp(rate, 1) >= 0) throw fail("bad_value");
    var share = get(P, "employee_rate", accountRateYear || 2025);
    var yearly = fen(mul(mul(base, share.value), 12)), rows = [];
    for (var y = 1; y <= years; y++) {
      var opening = balance;
      balance = add(fen(mul(opening, add(1, rate))), yearly);
      rows.push({ year: y, opening: opening, closing: balance });
    }
    return { outputs: { balance: balance, yearly_credit: yearly, interest_rate: rate, years: rows, estimate: true },
             extras: { share: dec(share.value) }, params: [share.use].concat(uses) };
  }

  // Guided estimate: birth month, category, years paid so far, base tier (and an optional
  // balance today) → retirement age, 计发月数, projected balance and the three parts.
  // Assumptions (shown on the page): contributions every year from the latest year with tier
  // data until the retirement year, at that year's tier base; index = tier ÷ 100; the latest
  // published 计发基数 and interest rate for every future year; no deemed years.
  function guidedEstimate(P, a) {
    var ra = retirementAge(P, a.birth, a.category);
    var paid = positive(P, "paid", a.paid, true), tier = a.tier;
    if (!isInt(tier)) throw fail("bad_type", { field: "tier" });
    positive(P, "balance", a.balance || 0, true);
    var start = lastYear(P, "contribution_average_wage"), retireYear = Number(ra.outputs.retire.slice(0, 4));
    if (retireYear < start) throw fail("already_retired", { field: "birth", year: start });
    var remaining = retireYear - start, most = P.limits.projection_years;
    if (remaining > most) throw fail("too_far", { field: "birth", years: remaining, most: most });
    var ageNow = start - Number(String(a.birth).slice(0, 4));
    if (cmp(paid, Math.max(ageNow, 0)) > 0) throw fail("paid_over_age", { field: "paid", age: ageNow, year: start });
    var tb = tierBase(P, start, tier), pm = paymentMonths(P, ra.outputs.age.years, ra.outputs.age.months);
    var proj = accountProjection(P, remaining, tb.outputs.base, null, a.balance || 0, 2025,
                                 lastYear(P, "account_interest_rate"));
    var jifaYear = lastYear(P, "jifa_base"), jifa = get(P, "jifa_base", jifaYear);
    var years = add(paid, remaining);
    var est = pensionEstimate(P, { jifa_base: jifa.value, index: div(tier, 100), years: years, deemed_years: 0,
                                   account_balance: proj.outputs.balance, payment_months: pm.outputs.months });
    return {
      outputs: Object.assign({ age: ra.outputs.age, retire: ra.outputs.retire, payment_months: pm.outputs.months,
                               balance: proj.outputs.balance }, est.outputs),
      extras: { start_year: start, remaining: remaining, monthly_base: tb.outputs.base, yearly_credit: proj.outputs.yearly_credit,
                interest_rate: proj.outputs.interest_rate, jifa_year: jifaYear, years: years, tier: tier,
                min_contribution_months: ra.extras.min_contribution_months, estimate: est.extras,
                pm: pm.extras, age: ra.outputs.age },
      params: merge(ra.params, tb.params, pm.params, proj.params, [jifa.use], est.params)
    };
  }

  root.PensionCore = {
    dec: dec, add: add, sub: sub, mul: mul, div: div, cmp: cmp, round: round, str: str, num: num,
    get: get, lastYear: lastYear, parseYM: parseYM, fail: fail,
    retirementAge: retirementAge, minContribution: minContribution, paymentMonths: paymentMonths,
    limits: limits, tierBase: tierBase, flexibleContribution: flexibleContribution, flexibleYear: flexibleYear,
    employeeContribution: employeeContribution, pensionEstimate: pensionEstimate,
    accountProjection: accountProjection, guidedEstimate: guidedEstimate
  };
})(typeof globalThis !== "undefined" ? globalThis : this);
