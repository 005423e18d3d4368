// Run the browser rules (docs/assets/js/calc/core.js) through PensionCore.run on cases read from
// stdin and print the answers, one JSON array: [{rule, input}] -> [{outputs, extras, steps,
// params: [[name, key, verified, disputed]]} or {error: CODE, field, details}], numbers as plain
// JSON numbers (as Python's jsonable prints them). `--rules` prints the rule table instead:
// {rule: {field: [type, required]}}.
// Usage: node tests/js/run.mjs PARAMETERS_JSON < cases.json  (no npm packages).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = fileURLToPath(new URL(".", import.meta.url));
vm.runInThisContext(readFileSync(here + "../../docs/assets/js/calc/core.js", "utf8"));
const C = globalThis.PensionCore;

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

if (process.argv[2] === "--rules") {
  process.stdout.write(JSON.stringify(Object.fromEntries(C.rules.map((r) => [r, C.fields(r)]))) + "\n");
} else {
  const P = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const cases = JSON.parse(readFileSync(0, "utf8"));
  const results = cases.map(({ rule, input }) => {
    try {
      const r = C.run(P, rule, input);
      return { outputs: plain(r.outputs), extras: plain(r.extras), steps: plain(r.steps),
               params: r.params.map((u) => [u.name, u.key, u.verified, u.disputed]) };
    } catch (e) {
      if (!e.code) return { error: "crash", message: String(e && e.stack) };
      return { error: e.code, field: (e.details || {}).field ?? null, details: plain(e.details || {}) };
    }
  });
  process.stdout.write(JSON.stringify(results) + "\n");
}
