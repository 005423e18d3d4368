// Numbers, months and ages as a reader sees them (machine values come from core.str).
(function (page) {
  "use strict";
  var core = page.core;

  function grouped(text) {
    var parts = text.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.join(".");
  }
  page.money = function (value) { return grouped(core.str(value, 2)); };
  page.amount = function (value) { return grouped(core.str(value)); };
  // Whole yuan without decimals, else 2 decimals (hooks/render/examples.py, fmt_number).
  page.wholeOrMoney = function (value) {
    return core.cmp(core.round(value, 0), value) === 0 ? grouped(core.str(value, 0)) : page.money(value);
  };
  page.percent = function (value) { return core.str(core.mul(value, 100)) + "%"; };
  page.ageText = function (age) {
    return age.months ? page.fill("age_fmt", { y: age.years, m: age.months }) : page.fill("age_whole", { y: age.years });
  };
  page.monthName = function (month) { return page.words.month_names.split(" ")[month - 1]; };
  // "2026-08" in the page's words.
  page.monthText = function (text) {
    var month = +text.slice(5);
    return page.fill("ym_fmt", { y: text.slice(0, 4), m: month, M: page.monthName(month) });
  };
  // "2025-12-31" in the page's words.
  page.dateText = function (text) {
    var month = +text.slice(5, 7);
    return page.fill("date_fmt", { y: text.slice(0, 4), m: month, M: page.monthName(month), d: +text.slice(8) });
  };
  // A value from a link, cut short for a message.
  page.short = function (value) {
    value = String(value);
    return value.length > 40 ? value.slice(0, 40) + "\u2026" : value;
  };
})(window.CalculatorPage);
