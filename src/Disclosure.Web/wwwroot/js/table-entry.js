// Live arithmetic for the table entry forms (progressive enhancement: the server always recomputes).
// The form says what to add up, so this script knows no table: each computed <output data-sum="row.col …"> is the
// sum of the cells it names (a total of totals is added up after its parts); each balance cell
// <td data-received="…" data-settled="…"> checks that its two sums are equal. Blank stays blank.
(function () {
  "use strict";
  var form = document.querySelector("form.table-form");
  if (!form) { return; }
  var outputs = Array.prototype.slice.call(form.querySelectorAll("output[data-sum]"));
  var balances = form.querySelectorAll("[data-balance-col]");

  function parse(text) {
    var value = (text || "").trim();
    if (value === "") { return null; }
    return /^\d+$/.test(value) ? parseInt(value, 10) : NaN;
  }
  function sum(values) {
    var total = null;
    for (var i = 0; i < values.length; i++) {
      var v = values[i];
      if (v === null) { continue; }
      if (isNaN(v)) { return NaN; }
      total = (total || 0) + v;
    }
    return total;
  }
  function show(output, value) {
    output.textContent = value === null ? "" : (isNaN(value) ? "?" : String(value));
  }
  function find(ref) {
    var dot = ref.indexOf(".");
    var selector = '[data-row="' + ref.slice(0, dot) + '"][data-col="' + ref.slice(dot + 1) + '"]';
    return form.querySelector("input" + selector) || form.querySelector("output" + selector);
  }
  function value(ref) {
    var element = find(ref);
    if (!element) { return null; }
    return parse(element.tagName === "INPUT" ? element.value : element.textContent);
  }
  function sumOf(refs) {
    return sum(refs.split(" ").filter(Boolean).map(value));
  }
  // A total whose parts include another total: compute the parts first.
  function isTotalOfTotals(output) {
    return output.getAttribute("data-sum").split(" ").some(function (ref) {
      var element = find(ref);
      return element && element.tagName === "OUTPUT";
    });
  }
  outputs.sort(function (a, b) { return isTotalOfTotals(a) - isTotalOfTotals(b); });

  function recompute() {
    outputs.forEach(function (output) { show(output, sumOf(output.getAttribute("data-sum"))); });
    balances.forEach(function (target) {
      var received = sumOf(target.getAttribute("data-received"));
      var settled = sumOf(target.getAttribute("data-settled"));
      if (isNaN(received) || isNaN(settled)) { target.textContent = "?"; target.className = "balance"; return; }
      var ok = (received || 0) === (settled || 0);
      target.textContent = ok ? "✓" : "✗ " + (received || 0) + "≠" + (settled || 0);
      target.className = "balance " + (ok ? "balance--ok" : "balance--bad");
      target.setAttribute("aria-label", ok ? "本列平衡" : "本列不平衡：收到的申请为 " + (received || 0) + "，办理和结转为 " + (settled || 0));
    });
  }

  form.addEventListener("input", recompute);
  recompute();
}());
