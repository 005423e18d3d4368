// What the build cannot know: the reader's today. The build writes ISO dates in data- attributes
// with the words to show once a date has passed (hooks/render/calculators.py fresh_notice,
// hooks/render/examples.py deadlines); without JavaScript the build-time words stay, and say when
// they were true.
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function run() {
    var d = new Date(), today = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
    // Figures: past the last published year, say which year is used and that newer are not out.
    document.querySelectorAll("[data-last-year][data-after]").forEach(function (p) {
      if (d.getFullYear() > +p.getAttribute("data-last-year")) {
        p.textContent = p.getAttribute("data-after").replace("{today}", today);
        p.classList.add("dated-after");
        p.hidden = false;   // pages that quote amounts (hooks/render/dated_notice.py) show it only now
      }
    });
    // Deadlines in worked examples: once past, say so and what to do now.
    document.querySelectorAll("[data-deadline][data-past]").forEach(function (s) {
      if (today > s.getAttribute("data-deadline") && !s.classList.contains("dated-past")) {
        s.classList.add("dated-past");
        var note = document.createElement("strong");
        note.className = "dated-note";
        note.textContent = s.getAttribute("data-past");
        s.appendChild(document.createTextNode(" "));
        s.appendChild(note);
      }
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(run);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
