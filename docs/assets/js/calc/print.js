// A filled-in calculator prints as a one-page summary: what the reader entered (as a short list,
// not the form), the result with its headline first, the working, the year line, the sources and
// the page's QR code of the same filled-in link (page-qr.js redraws it before printing). The
// layout is calculators.css's @media print, on while <html> has .calc-printable (a result is
// shown); without a result the whole page prints as before, tables and all.
// It wraps page.showResult rather than editing result.js and app.js, so this job stays in one file.
(function (page) {
  "use strict";
  var element = page.element, show = page.showResult;

  // A field's value as the reader sees it: the chosen word, the typed text, each base change.
  function valueOf(field) {
    if (field.input.tagName === "SELECT") {
      var option = field.input.options[field.input.selectedIndex];
      return option ? option.textContent : "";
    }
    if (field.kind !== "changes") return field.input.value.trim();
    return Array.prototype.map.call(field.input.querySelectorAll(".calc-change"), function (row) {
      var month = row.querySelector("select"), base = row.querySelector("input").value.trim();
      return page.fill("labelled", { what: month.options[month.selectedIndex].textContent, v: base });
    }).join(page.words.list_sep);
  }

  function enteredList(state) {
    var box = element("div", { class: "calc-entered" }), list = element("dl");
    box.appendChild(element("p", { class: "calc-entered__title" }, page.words.entered));
    Object.keys(state.fields).forEach(function (name) {
      var field = state.fields[name], value = field.wrap.hidden ? "" : valueOf(field);
      if (!value) return;   // hidden by the switch, or optional and left blank
      list.appendChild(element("dt", {}, page.labelOf(field)));
      list.appendChild(element("dd", {}, value));
    });
    box.appendChild(list);
    return box;
  }

  // On paper a run of steps with the same formula (the guided estimate's balance, once a year for
  // up to 60 years) says the formula's words once: the later lines keep every number, and their
  // repeated words go in .calc-step-again, which print hides. The screen shows every line whole.
  function sayFormulaOnce(out) {
    var line = page.stepWords.step_line, cut = line.slice(line.indexOf("{what}") + 6, line.indexOf("{sums}"));
    var before = null;
    out.querySelectorAll(".calc-working li").forEach(function (item) {
      var text = item.textContent, at = cut ? text.indexOf(cut) : -1;
      var said = at > 0 ? text.slice(0, at + cut.length) : null;
      if (said && said === before) {
        item.textContent = text.slice(said.length);
        item.insertBefore(element("span", { class: "calc-step-again" }, said), item.firstChild);
      }
      before = said;
    });
  }

  page.showResult = function (state) {
    show(state);
    sayFormulaOnce(state.out);
    var box = state.out.parentNode, shown = !!state.out.querySelector("#result");
    var old = box.querySelector(".calc-entered");
    if (old) old.remove();
    if (shown) box.insertBefore(enteredList(state), state.out);
    var button = box.querySelector(".calc-print");
    if (!button) {
      var actions = box.querySelector(".calc-actions");
      if (!actions) return;
      button = element("button", { type: "button", class: "md-button calc-print" }, page.words.print);
      button.addEventListener("click", function () { window.print(); });
      actions.insertBefore(button, actions.querySelector(".calc-status"));   // after "copy link"
    }
    button.hidden = !shown;
    document.documentElement.classList.toggle("calc-printable", shown);
  };
})(window.CalculatorPage);
