// ESLint for our own JavaScript (`make lint`). The pinned packages live in .lint/node, installed
// from lint/node/package-lock.json by the Makefile, so this file loads them from there.
// Only rules that catch bugs: formatting is not checked. Third-party code (vendor/) is not ours.
import { createRequire } from "node:module";

const require = createRequire(new URL("./.lint/node/", import.meta.url));
const js = require("@eslint/js");
const globals = require("globals");

// The browser's scripts are written to ES2020: calc/core.js needs its BigInt and globalThis.
// Newer syntax is a parse error here, because on a phone one parse error stops every script
// joined into the same file (hooks/fingerprint.py).
const BROWSER_ES = 2020;

export default [
  { ignores: ["docs/assets/js/vendor/**", "tests/vendor/**"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "smart"],
      // An unused catch binding is harmless (`catch (e) { /* private mode */ }`).
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "array-callback-return": "error",
      "no-implied-eval": "error",
      "no-promise-executor-return": "error",
      "no-self-compare": "error",
      "no-template-curly-in-string": "error",
      "no-throw-literal": "error",
      "no-unmodified-loop-condition": "error",
    },
  },
  {
    // Scripts the pages load with <script src>. They share one global scope with Material's
    // and with each other, so a stray top-level name in one can break another.
    files: ["docs/assets/js/**/*.js"],
    languageOptions: { ecmaVersion: BROWSER_ES, sourceType: "script", globals: globals.browser },
    rules: { "no-implicit-globals": "error" },
  },
  {
    // The service worker: its own global scope (self, caches, clients), no document or window.
    files: ["docs/sw.js"],
    languageOptions: { ecmaVersion: BROWSER_ES, sourceType: "script", globals: globals.serviceworker },
  },
  {
    // Test helpers run by Node as ES modules.
    files: ["tests/js/**/*.mjs"],
    languageOptions: { ecmaVersion: "latest", sourceType: "module", globals: globals.node },
  },
];
