// The finder (/finder/, hooks/render/finder.py): the build wrote the four questions and every
// part of every answer, hidden. This script shows the parts that fit the answers, puts the answers
// into the calculators' links and into the page's own address (?who=…&hukou=…&birth=…&paying=…),
// and reads such an address back. It writes no words of its own (data/finder.yml's, from the
// page's data-words) and treats the address as text only: values go in as .value and
// .textContent, never as HTML.
(function () {
  "use strict";
  var CHOICES = ["who", "hukou", "paying"], NAMES = ["who", "hukou", "birth", "paying"];
  var MONTH = /^(\d{4})-(\d{1,2})$/, SHORT = 40;

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (_, name) { return values[name] !== undefined ? values[name] : ""; });
  }
  function short(text) { return text.length > SHORT ? text.slice(0, SHORT) + "\u2026" : text; }
  function words(list) { return list.join(", "); }
  function show(el, on) { el.hidden = !on; }

  // "1975-6" → "1975-06"; null when it is not a year and a month 1 to 12.
  function month(text) {
    var found = MONTH.exec(text.trim());
    if (!found || +found[2] < 1 || +found[2] > 12) return null;
    return found[1] + "-" + ("0" + +found[2]).slice(-2);
  }

  function setup(box) {
    var W = JSON.parse(box.getAttribute("data-words"));
    var form = box.querySelector("#finder-form"), notice = box.querySelector("#finder-notice");
    var birth = form.querySelector("#finder-birth"), birthMsg = form.querySelector("#finder-birth-msg");
    box.hidden = false;

    function picked(name) {
      var on = form.querySelector('input[name="' + name + '"]:checked');
      return on ? on.value : "";
    }
    function values(name) {
      return [].map.call(form.querySelectorAll('input[name="' + name + '"]'), function (input) { return input.value; });
    }
    function has(list, value) { return !!value && (list || "").split(" ").indexOf(value) >= 0; }

    function update() {
      var who = picked("who"), hukou = picked("hukou"), paying = picked("paying");
      var typed = birth.value.trim(), born = typed ? month(typed) : "";
      birthMsg.textContent = born === null ? fill(W.bad_birth, { v: short(typed) }) : "";
      if (born === null) birth.setAttribute("aria-invalid", "true"); else birth.removeAttribute("aria-invalid");
      // The audiences this reader belongs to: the chosen one, and the one a hukou adds (a
      // foreign national is a foreign resident: data/finder.yml).
      // Nothing shows before the first question is answered.
      var hukouInput = form.querySelector('input[name="hukou"]:checked');
      var added = hukouInput && hukouInput.getAttribute("data-audience");
      var tags = who ? [who].concat(added ? [added] : []) : [];
      function mine(el) { return tags.some(function (tag) { return has(el.getAttribute("data-audiences"), tag); }); }

      box.querySelector(".finder-empty").hidden = !!who;
      box.querySelectorAll(".finder-part[data-who]").forEach(function (el) { show(el, el.getAttribute("data-who") === who); });
      var count = 0;
      box.querySelectorAll(".finder-measures > li").forEach(function (li) { show(li, mine(li)); if (mine(li)) count++; });
      box.querySelector("[data-count]").textContent = fill(W.measures_count, { n: count });
      box.querySelectorAll("[data-part=guide] [data-audience], [data-part=steps] [data-audience]").forEach(function (el) {
        show(el, tags.indexOf(el.getAttribute("data-audience")) >= 0);
      });
      var notes = 0;
      box.querySelectorAll("[data-hukou]").forEach(function (li) {
        var whoList = li.getAttribute("data-who"), on = li.getAttribute("data-hukou") === hukou && !!who &&
          (!whoList || has(whoList, who));
        show(li, on);
        if (on) notes++;
      });
      box.querySelectorAll("[data-paying]").forEach(function (el) { show(el, !!who && el.getAttribute("data-paying") === paying); });
      // A calculator that takes the month of birth: its plain link before the answer, its
      // filled-in links (one per category) after.
      var calcs = 0;
      box.querySelectorAll(".finder-calcs > li").forEach(function (li) {
        var link = li.querySelector("a[data-fill]");
        var on = (mine(li) || has(li.getAttribute("data-who"), who)) &&
          (link ? !!born : !(born && li.nextElementSibling && li.nextElementSibling.hasAttribute("data-filled")));
        show(li, on);
        if (on) calcs++;
        if (!link || !born) return;
        var query = new URLSearchParams();   // the answers first, as the calculator's form reads
        link.getAttribute("data-fill").split(" ").forEach(function (pair) {
          var parts = pair.split("=");
          if (parts[1] === "birth") query.set(parts[0], born);
        });
        new URLSearchParams(link.getAttribute("data-query")).forEach(function (value, name) { query.set(name, value); });
        link.href = link.getAttribute("href").split("?")[0] + "?" + query.toString();
      });
      box.querySelector(".finder-filled-note").hidden = !box.querySelector(".finder-calcs > [data-filled]:not([hidden])");
      function part(name, on) { show(box.querySelector("[data-part=" + name + "]"), on); }
      part("measures", count > 0);
      part("guide", !!box.querySelector("[data-part=guide] [data-audience]:not([hidden])"));
      part("hukou", notes > 0);
      part("steps", !!box.querySelector("[data-part=steps] > :not(h3):not([hidden])"));
      part("calcs", calcs > 0);
      part("link", !!who);
      writeLink({ who: who, hukou: hukou, birth: born || "", paying: paying });
    }

    function writeLink(answers) {
      var query = new URLSearchParams();
      NAMES.forEach(function (name) { if (answers[name]) query.set(name, answers[name]); });
      var text = query.toString();
      history.replaceState(history.state, "", location.pathname + (text ? "?" + text : "") + location.hash);
      if (window.langSwitchSync) window.langSwitchSync();
    }

    // The address: every value used, or named in the notice with what was expected.
    function readLink() {
      var query = new URLSearchParams(location.search), problems = [];
      CHOICES.forEach(function (name) {
        var value = query.get(name);
        if (value === null) return;
        var input = [].filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (el) { return el.value === value.trim(); })[0];
        if (input) input.checked = true;
        else problems.push(fill(W.bad_choice, { field: name, v: short(value), opts: words(values(name)) }));
      });
      var given = query.get("birth");
      if (given !== null) {
        birth.value = given;
        if (!month(given)) problems.push(fill(W.bad_birth, { v: short(given) }));
      }
      query.forEach(function (value, name) {
        if (NAMES.indexOf(name) < 0) problems.push(fill(W.bad_name, { field: short(name), opts: words(NAMES) }));
      });
      var list = notice.querySelector("ul");
      list.textContent = "";
      problems.forEach(function (text) {
        var li = document.createElement("li");
        li.textContent = text;
        list.appendChild(li);
      });
      notice.hidden = !problems.length;
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    box.querySelector("#finder-copy").addEventListener("click", function () {
      // share.js (on every page) does the copying.
      window.copyAddress(box.querySelector(".finder-status"), { copied: W.copied, copy_fail: W.copy_fail });
    });
    readLink();
    update();
  }

  function init() {
    var box = document.getElementById("finder");
    if (box && !box.dataset.ready) {
      box.dataset.ready = "1";
      setup(box);
    }
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
