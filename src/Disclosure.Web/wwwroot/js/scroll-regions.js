// A table's scroll box (.table-scroll) is a keyboard stop only when it needs one: when it overflows (so that keyboard
// users can scroll it) and holds nothing focusable (links and inputs already scroll it into view). Elsewhere an extra
// Tab stop is only in the way — in an entry form it swallowed a figure. The markup's tabindex is the no-script default
// (the public pages stay script-free and keep it: their scroll boxes hold no links or inputs). Staff pages only.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll");
  if (boxes.length === 0) { return; }
  var focusable = "a[href], input:not([type=hidden]), button, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  function update() {
    Array.prototype.forEach.call(boxes, function (box) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.querySelector(focusable)) { box.setAttribute("tabindex", "0"); } else { box.removeAttribute("tabindex"); }
    });
  }
  update();
  var pending = 0;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 100);
  });
}());
