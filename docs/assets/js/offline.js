// Lets the browser keep the pages a reader opens, for reading them again without a network
// (see /sw.js). Registered after the page has loaded, so it never competes with the page itself.
(function () {
  var me = document.currentScript;
  if (!("serviceWorker" in navigator) || !me) return;
  // Built, this script is part of assets/js/extra.<hash>.js (hooks/events/fingerprint.py joins the
  // scripts every page loads); in `mkdocs serve` it is offline.js.
  var worker = me.src.replace(/assets\/js\/(offline|extra)(\.[0-9a-f]{8})?\.js(\?.*)?$/, "sw.js");
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker).catch(function () { /* e.g. private mode: no copies */ });
  });
})();
