// 适老化 reading options on every page. One button in the header, 阅读设置 / Reading options,
// opens a small panel with the options (overrides/main.html); it closes with Esc (focus goes back
// to the button), with a tap outside it, or when keyboard focus leaves it.
// - 大字模式 / Large text and 高对比度 / High contrast: toggle a class on <html> and remember the
//   choice in localStorage, so it stays on for every page of the site. An inline script in the
//   <head> applies the saved choice before the first paint.
// - 朗读本页 / Read aloud: the browser's own speech synthesis reads the article. The button stays
//   hidden (by the class a11y-speech, set in the <head>) where the browser has no speech
//   synthesis. No pop-ups, nothing leaves the phone.
(function () {
  var root = document.documentElement;
  var bar = document.querySelector(".reading-options");
  if (!bar) return;
  var opener = bar.querySelector(".reading-options__toggle");
  var panel = bar.querySelector(".reading-options__panel");

  function setOpen(open) {
    panel.hidden = !open;
    opener.setAttribute("aria-expanded", open ? "true" : "false");
  }
  opener.addEventListener("click", function () { setOpen(panel.hidden); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || panel.hidden) return;
    setOpen(false);
    opener.focus();
  });
  document.addEventListener("click", function (event) {
    if (!panel.hidden && !bar.contains(event.target)) setOpen(false);
  });
  bar.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !bar.contains(event.relatedTarget)) setOpen(false);
  });

  function save(key, on) {
    try { localStorage.setItem(key, on ? "1" : "0"); } catch (e) { /* private mode: page only */ }
  }

  function toggle(button, key, cls) {
    button.setAttribute("aria-pressed", root.classList.contains(cls) ? "true" : "false");
    button.addEventListener("click", function () {
      var on = root.classList.toggle(cls);
      button.setAttribute("aria-pressed", on ? "true" : "false");
      save(key, on);
      if (typeof scrollables === "function") scrollables();
    });
  }

  var large = bar.querySelector("[data-a11y=large]");
  var contrast = bar.querySelector("[data-a11y=contrast]");
  if (large) toggle(large, "a11y-large", "a11y-large");
  if (contrast) toggle(contrast, "a11y-contrast", "a11y-contrast");

  // Small fixes for Material's markup (axe-core rules) --------------------------------------
  // Their words come from data/ui.yml, on the reading options' wrapper (overrides/main.html).
  var words = bar.dataset;
  // aria-dialog-name: the search dialog has no name.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (el) {
    if (!el.getAttribute("aria-label")) el.setAttribute("aria-label", words.searchLabel);
  });
  // landmark-unique: with navigation.indexes a section's <nav> is labelled by a <label> that
  // holds only an icon, so several navs end up with the same empty name, and the label (a tap
  // target that opens the section, focusable) has no name for screen readers. Give the label the
  // section's name as hidden words inside it: that names both. (Not aria-label: a <label> may
  // not carry one, axe-core's aria-prohibited-attr.)
  document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
    var label = document.getElementById(nav.getAttribute("aria-labelledby"));
    if (!label || label.textContent.trim()) return;
    var link = label.parentElement && label.parentElement.querySelector("a.md-nav__link");
    var name = link ? link.textContent.trim() : "";
    if (!name) return;
    var hidden = document.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = name;
    label.appendChild(hidden);
  });
  // landmark-unique: the breadcrumb (navigation.path) has the same name as the main menu.
  document.querySelectorAll("nav.md-path").forEach(function (nav) {
    nav.setAttribute("aria-label", words.breadcrumbLabel);
  });
  // scrollable-region-focusable: a table wider than the phone scrolls sideways, so keyboard
  // users must be able to focus it to scroll it.
  // A table cut off at the screen's edge also gets a line above it saying it scrolls sideways:
  // nothing else shows a phone reader that there are more columns.
  function scrollables() {
    var wideBoxes = [], boxes = [];
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table:not([class])").forEach(
      function (el) {
        var wide = el.scrollWidth > el.clientWidth + 1;
        if (wide && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
        if (!wide && el.getAttribute("tabindex") === "0") el.removeAttribute("tabindex");
        var box = el.closest(".md-typeset__scrollwrap") || el;
        if (boxes.indexOf(box) < 0) boxes.push(box);
        if (wide && wideBoxes.indexOf(box) < 0) wideBoxes.push(box);
      });
    boxes.forEach(function (box) {
      var prev = box.previousElementSibling, has = prev && prev.classList.contains("table-hint");
      if (wideBoxes.indexOf(box) >= 0 && !has) {
        var p = document.createElement("p");
        p.className = "table-hint";
        p.textContent = words.tableHint;
        box.parentNode.insertBefore(p, box);
      } else if (wideBoxes.indexOf(box) < 0 && has) {
        prev.parentNode.removeChild(prev);
      }
    });
  }
  scrollables();
  window.addEventListener("resize", scrollables);
  window.addEventListener("load", scrollables);   // again once Material has wrapped the tables
  // Print: open folded sections so the paper copy is complete, then fold them back.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true; opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; }); opened = [];
  });

  // Read aloud --------------------------------------------------------------------------------
  var speak = bar.querySelector("[data-a11y=speak]");
  var synth = window.speechSynthesis;
  if (!speak || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var label = speak.querySelector(".a11y-label");
  var reading = false;

  function setReading(on) {
    reading = on;
    speak.setAttribute("aria-pressed", on ? "true" : "false");
    label.textContent = on ? speak.dataset.labelStop : speak.dataset.labelStart;
  }

  // The article's headings, paragraphs, list items and table cells, in reading order, without
  // permalink signs, in short pieces: some browsers stop long utterances.
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,summary,figcaption";
  function pieces() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return [];
    var copy = article.cloneNode(true);
    copy.querySelectorAll(".headerlink, script, style, .md-source-file, [hidden]").forEach(
      function (el) { el.remove(); });
    var out = [];
    copy.querySelectorAll(BLOCKS).forEach(function (el) {
      if (el.querySelector(BLOCKS)) return;  // its inner blocks are read instead
      var text = (el.textContent || "").replace(/\s+/g, " ").trim();
      // After a sentence's end in either script (。！？； or .!?;), whatever the page's language:
      // the English policy page shows the Chinese original under each sentence.
      // No lookbehind (?<=…): Safari before 16.4 cannot parse it, and one parse error stops every
      // script joined with this one. A line break after each end mark, then split on it (the text
      // holds no line break: whitespace was folded to spaces above).
      text.replace(/([\u3002\uff01\uff1f\uff1b.!?;])\s*/g, "$1\n").split("\n").forEach(function (s) {
        while (s.length > 180) { out.push(s.slice(0, 180)); s = s.slice(180); }
        if (s.trim()) out.push(s.trim());
      });
    });
    return out;
  }

  speak.addEventListener("click", function () {
    if (reading) { synth.cancel(); setReading(false); return; }
    synth.cancel();
    var list = pieces();
    if (!list.length) return;
    setReading(true);
    list.forEach(function (text, i) {
      var u = new SpeechSynthesisUtterance(text);
      u.lang = speak.dataset.lang;
      if (i === list.length - 1) u.onend = function () { setReading(false); };
      u.onerror = function () { setReading(false); };
      synth.speak(u);
    });
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
