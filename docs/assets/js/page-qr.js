// Calculator pages keep their inputs in the address (?birth=…). The page's QR code is drawn at
// build time for the bare address (hooks/render/qr.py), so here it is redrawn for the current address
// whenever someone can see it: when "本页二维码 / QR code for this page" is opened, while it is open
// and an input changes, and just before printing. A printed result then reopens the same case.
// qrcode-generator (assets/js/vendor/, MIT, 12 KB compressed) computes the matrix. It is fetched
// only once there is something to encode: the page was opened with inputs, someone types, or
// the QR code is opened. We draw into the SVG that segno wrote at build time.
(function () {
  "use strict";
  var box = document.querySelector("details.page-qr");
  var me = document.currentScript;
  if (!box || !me || !me.dataset.qrLib) return;
  var lib = null;

  // Fetch the library once; `then` runs when it is there (at once if it already is).
  function withLibrary(then) {
    if (typeof window.qrcode === "function") { then(); return; }
    if (!lib) {
      lib = document.createElement("script");
      lib.src = me.dataset.qrLib;
      document.head.appendChild(lib);
    }
    lib.addEventListener("load", then);
  }
  var caption = box.querySelector(".page-qr__url");
  var drawn = caption ? caption.textContent : "";
  var SVG = "http://www.w3.org/2000/svg", BORDER = 2;

  // Redrawn in place (same <svg>, new <path>), so anything holding the element keeps it.
  function draw() {
    // Without the #section: Material adds one as the page scrolls, and a scanned code should open
    // the calculator at its top, with the result, like the code drawn at build time.
    var href = location.href.split("#")[0], svg = box.querySelector("svg.page-qr__code");
    if (href === drawn || !svg || typeof window.qrcode !== "function") return;
    var qr = window.qrcode(0, "M");
    qr.addData(href);
    qr.make();
    var n = qr.getModuleCount(), d = [];
    for (var row = 0; row < n; row++) {
      for (var col = 0; col < n; col++) {
        if (qr.isDark(row, col)) d.push("M" + (col + BORDER) + " " + (row + BORDER) + "h1v1h-1z");
      }
    }
    var size = n + 2 * BORDER, path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.replaceChild(path, svg.querySelector("path"));
    if (caption) caption.textContent = href;
    drawn = href;
  }

  if (location.search) withLibrary(function () {});
  box.addEventListener("toggle", function () { if (box.open) withLibrary(draw); });
  // The calculator's own listeners (on its form) have already updated the address by the time
  // these document-level ones run.
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function () { withLibrary(function () { if (box.open) draw(); }); });
  });
  // Printing cannot wait for a download: by then the library is there if anything was filled in.
  window.addEventListener("beforeprint", draw);
})();
