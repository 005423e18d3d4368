// Run the browser rules (docs/assets/js/calc/core.js) on cases read from stdin and print the
// answers, one JSON array, in the same shape as `python -m pension calc RULE --working`
// outputs: [{rule, input}] -> [{...outputs, ...extras, params: [[name, key, verified, disputed]]}
// or {error: CODE}]. Usage: node tests/js/run.mjs PARAMETERS_JSON < cases.json (no npm packages).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = fileURLToPath(new URL(".", import.meta.url));
vm.runInThisContext(readFileSync(here + "../../docs/assets/js/calc/core.js", "utf8"));
const C = globalThis.PensionCore;
const P = JSON.parse(readFileSync(process.argv[2], "utf8"));

const EXTRAS = {
  "retirement-age": ["original_age", "flexible", "min_contribution_months", "min_contribution_year"],
  "min-contribution": ["years"],
};
const RULES = {
  "retirement-age": (i) => C.retirementAge(P, i.birth, i.category),
  "min-contribution": (i) => C.minContribution(P, i.year),
  "payment-months": (i) => C.paymentMonths(P, i.years, i.months),
  "flexible-contribution": (i) => C.flexibleContribution(P, i.year, i.base),
  "tier-base": (i) => C.tierBase(P, i.year, i.percent),
  "flexible-year": (i) => C.flexibleYear(P, i.year, i.changes, i.last_month),
  "employee-contribution": (i) => C.employeeContribution(P, i.year, i.wage),
  "pension-estimate": (i) => C.pensionEstimate(P, i),
  "account-projection": (i) => C.accountProjection(P, i.years, i.monthly_base, i.interest_rate,
                                                    i.start_balance, 2025, i.rate_year),
  "guided-estimate": (i) => C.guidedEstimate(P, i),
};

function plain(v) {
  if (v && typeof v === "object" && "p" in v && "q" in v) return C.num(v);
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

const cases = JSON.parse(readFileSync(0, "utf8"));
const results = cases.map(({ rule, input }) => {
  try {
    const r = RULES[rule](input);
    const out = plain(r.outputs);
    for (const k of EXTRAS[rule] || []) out[k] = plain(r.extras[k]);
    out.params = r.params.map((u) => [u.name, u.key, u.verified, u.disputed]);
    return out;
  } catch (e) {
    if (!e.code) return { error: "crash", message: String(e && e.stack) };
    return { error: e.code };
  }
});
process.stdout.write(JSON.stringify(results) + "\n");
