// Lets the browser keep the pages a reader opens, for reading them again without a network
// (see /sw.js). Registered after the page has loaded, so it never competes with the page itself.
(function () {
  var me = document.currentScript;
  if (!("serviceWorker" in navigator) || !me) return;
  // Our own name carries a content hash once built (offline.<hash>.js, hooks/fingerprint.py).
  var worker = me.src.replace(/assets\/js\/offline(\.[0-9a-f]{8})?\.js(\?.*)?$/, "sw.js");
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(worker).catch(function () { /* e.g. private mode: no copies */ });
  });
})();
