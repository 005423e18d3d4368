// Keep the reader on the same page and section when switching language.
// Anchors are the same ASCII ids in both languages, so the #hash can travel with the link.
// Stopping the click's propagation also skips Material's sitemap-based redirect, which can send
// readers to the language's home page (see ecosystem.md §2.4).
(function () {
  function sync() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var alt = document.head.querySelector(
        'link[rel="alternate"][hreflang="' + link.getAttribute("hreflang") + '"]');
      if (alt) link.href = alt.href.split("#")[0] + location.hash;
      if (!link.dataset.langKeep) {
        link.dataset.langKeep = "1";
        link.addEventListener("click", function (event) {
          event.stopPropagation();
          link.href = link.href.split("#")[0] + location.hash;
        });
      }
    });
  }
  window.addEventListener("hashchange", sync);
  if (window.document$) window.document$.subscribe(sync); else sync();
})();
