// Calculator pages: in <div class="calc" data-calc=ID data-params=URL>, build the form from the
// calculator's entry, fill it from the address, and show the result as the reader types.
// All text goes in with textContent: nothing from the address is ever parsed as HTML.
(function (page) {
  "use strict";
  var element = page.element;

  function build(box, spec, parameters) {
    var words = page.words, form = element("form", { class: "calc-form", novalidate: "" });
    var yearField = spec.fields.filter(function (field) { return field.kind === "year"; })[0];
    var years = yearField ? Object.keys(parameters.parameters[yearField.years_of].values).sort() : [];
    var query = new URLSearchParams(location.search), state;
    function update() {
      page.showResult(state);
      page.writeLink(state.fields);
    }
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var fields = page.buildFields(form, spec, years, update);
    page.readLink(fields, query, years);
    var actions = element("div", { class: "calc-actions" });
    var copy = element("button", { type: "button", class: "md-button" }, words.copy);
    var status = element("p", { class: "calc-status", role: "status" });
    copy.addEventListener("click", function () { page.copyLink(status); });
    actions.appendChild(copy);
    actions.appendChild(status);
    var out = element("div", { class: "calc-result", "aria-live": "polite" });
    box.textContent = "";
    box.appendChild(form);
    box.appendChild(out);
    box.appendChild(actions);
    state = { parameters: parameters, rule: box.getAttribute("data-calc"), spec: spec, fields: fields, out: out, form: form };
    form.addEventListener("input", update);
    form.addEventListener("change", function (e) { if (e.target.tagName === "SELECT") update(); });
    page.showResult(state);
    // A link with a value we cannot use: bring its field (and its message) onto the screen.
    var bad = query.toString() && form.querySelector('[aria-invalid="true"]');
    if (bad) {
      bad.scrollIntoView({ block: "center" });
      bad.focus({ preventScroll: true });
    }
  }

  function setup(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var spec = document.querySelector("script.calc-spec");
    if (!spec || !page.loadWords()) return;
    spec = JSON.parse(spec.textContent);
    fetch(new URL(box.getAttribute("data-params"), document.baseURI)).then(function (response) { return response.json(); })
      .then(function (parameters) { build(box, spec, parameters); });
  }

  function init() {
    if (!page.core) return;
    document.querySelectorAll(".calc[data-calc]").forEach(setup);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window.CalculatorPage);
