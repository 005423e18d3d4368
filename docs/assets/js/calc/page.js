// The calculator page's shared parts, for the other calc/*.js files (joined with them into one
// file by hooks/events/fingerprint.py): the rules (core.js), the page's language and words, and
// making elements. Words come from the page, written by hooks/render/calculators.py:
// <script class="calc-text"> data/calculator_ui.yml, <script class="calc-steps"> the working's
// words from data/example_words.yml. Interface words never live in these scripts.
(function (page) {
  "use strict";
  page.core = window.PensionCore;
  page.words = {};
  page.stepWords = {};
  page.lang = "zh";

  // Read the words the page carries; false when the page has none (not a calculator page).
  page.loadWords = function () {
    var text = document.querySelector("script.calc-text"), steps = document.querySelector("script.calc-steps");
    if (!text || !steps) return false;
    page.lang = (document.documentElement.lang || "zh").slice(0, 2) === "en" ? "en" : "zh";
    page.words = JSON.parse(text.textContent);
    page.stepWords = JSON.parse(steps.textContent);
    return true;
  };

  // A word with its {placeholders} filled in (a name without a value is left blank).
  page.fill = function (key, values) {
    return page.fillPattern(page.words[key] || key, values);
  };
  page.fillPattern = function (pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (_, name) {
      return values && values[name] !== undefined ? values[name] : "";
    });
  };

  // An element with attributes (null ones left out) and text (never parsed as HTML).
  page.element = function (tag, attributes, text) {
    var made = document.createElement(tag);
    for (var name in attributes || {}) {
      if (attributes[name] !== null && attributes[name] !== undefined) made.setAttribute(name, attributes[name]);
    }
    if (text !== undefined) made.textContent = text;
    return made;
  };
})(window.CalculatorPage = window.CalculatorPage || {});
