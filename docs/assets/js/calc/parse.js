// What a reader types, read as the rules take it. Readers type Chinese forms too, whatever the
// page's language: full-width digits, the comma 、 and ， between digits, the full stop 。 as a
// decimal point, 元 and ％ after a number, 万 (ten thousand), 1971年4月 for a month. These
// characters are written by code point below.
(function (page) {
  "use strict";
  var core = page.core;

  page.normalise = function (raw) {
    return String(raw)
      .replace(/[\uff01-\uff5e]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[\s,\uff0c\u3001]/g, "").replace(/\u3002/g, ".").replace(/\u5143|%|\uff05/g, "");
  };
  // {value} (an exact fraction, with the decimals as typed) or {error: a word's name}.
  page.parseNumber = function (raw) {
    var text = page.normalise(raw);
    if (!text) return { error: "empty" };
    var tenThousands = /\u4e07$/.test(text);
    if (tenThousands) text = text.slice(0, -1);
    if (/^-\d*\.?\d+$/.test(text)) return { error: "negative" };
    if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) return { error: "nan" };
    var value = core.dec(text.replace(/\.$/, ""));
    return { value: tenThousands ? core.mul(value, 10000) : value };
  };
  // "1971-04", "1971/4", "197104", "1971年4月" -> {value: "1971-04"}; the rules check the years.
  page.parseMonth = function (raw) {
    var text = page.normalise(raw).replace(/\u6708$/, "");
    var found = /^(\d{4})(?:[-/.\u5e74]|(?=\d{2}$))(\d{1,2})$/.exec(text);
    if (!text) return { error: "empty" };
    if (!found) return { error: "bad_date" };
    if (+found[2] < 1 || +found[2] > 12) return { error: "no_month" };
    return { value: found[1] + "-" + ("0" + +found[2]).slice(-2) };
  };
  // A typed number as the rules take it: its text, with the decimals as typed ("139.0").
  page.numberText = function (value) { return core.str(value, value.s); };
})(window.CalculatorPage);
