// Keep the reader on the same page, section and calculator inputs when switching language.
// Anchors and query names are the same in both languages, so ?query and #hash travel along.
// Stopping the click's propagation also skips Material's sitemap-based redirect, which can send
// readers to the language's home page (see ecosystem.md §2.4).
(function () {
  function sync() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var alt = document.head.querySelector(
        'link[rel="alternate"][hreflang="' + link.getAttribute("hreflang") + '"]');
      if (alt) link.href = alt.href.split(/[?#]/)[0] + location.search + location.hash;
      if (!link.dataset.langKeep) {
        link.dataset.langKeep = "1";
        link.addEventListener("click", function (event) {
          event.stopPropagation();
          link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
        });
      }
    });
  }
  window.addEventListener("hashchange", sync);
  // Calculators rewrite the query with history.replaceState: they call this to re-sync.
  window.langSwitchSync = sync;
  if (window.document$) window.document$.subscribe(sync); else sync();
})();
