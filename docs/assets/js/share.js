// The share block under guide and measure pages (hooks/render/share.py): the copy button puts
// its ready-made text on the clipboard. Where the clipboard cannot be written (an old browser,
// a page not served over https), the text is selected instead, so a long press copies it; the
// status line says which happened. Also a flyer's print button (hooks/render/flyers.py).
// The buttons are hidden in the HTML: without this script they would do nothing.
(function () {
  // The page's own address to the clipboard (the calculators' and the finder's "copy link"
  // buttons call this): the clipboard where the page is secure, else the old copy command, else
  // the address shown selected in a box under the status line so a long press copies it.
  // words: {copied, copy_fail}; boxClass: the class of that box.
  window.copyAddress = function (status, words, boxClass) {
    var url = location.href;
    function done() { status.textContent = words.copied; }
    function fallback() {
      var area = document.createElement("textarea");
      area.readOnly = true;
      area.value = url;
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
      area.remove();
      if (copied) return done();
      status.textContent = words.copy_fail;
      var box = document.createElement("input");
      box.type = "text";
      box.readOnly = true;
      if (boxClass) box.className = boxClass;
      box.value = url;
      status.appendChild(box);
      box.select();
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
  };

  function say(button, key) {
    var status = button.closest(".share").querySelector(".share__status");
    status.textContent = button.getAttribute(key);
  }
  function copy(button) {
    var box = button.closest(".share").querySelector(".share__text");
    function select() {
      box.focus();
      box.select();
      say(button, "data-selected");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(box.value).then(function () { say(button, "data-copied"); }, select);
    } else {
      select();
    }
  }
  document.querySelectorAll("[data-share-copy], [data-kit-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (button.hasAttribute("data-kit-print")) window.print(); else copy(button);
    });
  });
})();
