// Keep the reader on the same page, section and calculator inputs when switching language.
// Anchors and query names are the same in both languages, so ?query and #hash travel along.
// The links keep the address Material wrote (relative to this page), so the switch works wherever
// the site is served: a mirror or a preview address, not only SITE_URL (only the <link
// rel="alternate"> tags for search engines carry SITE_URL).
// Stopping the click's propagation also skips Material's sitemap-based redirect, which can send
// readers to the language's home page (see ecosystem.md §2.4).
(function () {
  function keep(link) {
    link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
  }
  function sync() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      keep(link);
      if (!link.dataset.langKeep) {
        link.dataset.langKeep = "1";
        link.addEventListener("click", function (event) {
          event.stopPropagation();
          keep(link);
        });
      }
    });
  }
  window.addEventListener("hashchange", sync);
  // Calculators rewrite the query with history.replaceState: they call this to re-sync.
  window.langSwitchSync = sync;
  if (window.document$) window.document$.subscribe(sync); else sync();
})();
