// The share block under guide and measure pages (hooks/render/share.py): the copy button puts
// its ready-made text on the clipboard. Where the clipboard cannot be written (an old browser,
// a page not served over https), the text is selected instead, so a long press copies it; the
// status line says which happened. Also a flyer's print button (hooks/render/flyers.py).
// The buttons are hidden in the HTML: without this script they would do nothing.
(function () {
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
