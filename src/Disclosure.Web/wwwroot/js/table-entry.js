// Live arithmetic for the table entry forms (progressive enhancement: the server always recomputes).
// Table 三: 总计 column = the six applicant columns; （七）总计 row = the result rows; a balance row checks
// 一 + 二 = （七） + 四 per column. Table 四: 总计 = the four results of each group. Blank stays blank.
(function () {
  "use strict";
  var form = document.querySelector("form.table-form");
  if (!form) { return; }
  var table = form.getAttribute("data-table");
  var applicants = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"];
  var columns = applicants.concat(["total"]);
  var notResults = ["new", "carried_over", "total_processed", "carried_forward"];

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
    if (!output) { return; }
    output.textContent = value === null ? "" : (isNaN(value) ? "?" : String(value));
  }
  function cell(row, col) {
    var input = form.querySelector('input[data-row="' + row + '"][data-col="' + col + '"]');
    if (input) { return parse(input.value); }
    var output = form.querySelector('output[data-row="' + row + '"][data-col="' + col + '"]');
    return output ? parse(output.textContent) : null;
  }

  function recompute3() {
    var rows = [];
    form.querySelectorAll("input[data-row]").forEach(function (input) {
      var row = input.getAttribute("data-row");
      if (rows.indexOf(row) < 0) { rows.push(row); }
    });
    rows.forEach(function (row) {
      show(form.querySelector('output[data-row="' + row + '"][data-col="total"]'),
        sum(applicants.map(function (c) { return cell(row, c); })));
    });
    var results = rows.filter(function (r) { return notResults.indexOf(r) < 0; });
    columns.forEach(function (col) {
      show(form.querySelector('output[data-row="total_processed"][data-col="' + col + '"]'),
        sum(results.map(function (r) { return cell(r, col); })));
    });
    columns.forEach(function (col) {
      var target = form.querySelector('[data-balance-col="' + col + '"]');
      var received = sum([cell("new", col), cell("carried_over", col)]);
      var settled = sum([cell("total_processed", col), cell("carried_forward", col)]);
      if (isNaN(received) || isNaN(settled)) { target.textContent = "?"; target.className = "balance"; return; }
      var ok = (received || 0) === (settled || 0);
      target.textContent = ok ? "✓" : "✗ " + (received || 0) + "≠" + (settled || 0);
      target.className = "balance " + (ok ? "balance--ok" : "balance--bad");
      target.setAttribute("aria-label", ok ? "本列平衡" : "本列不平衡：一加二为 " + (received || 0) + "，三（七）加四为 " + (settled || 0));
    });
  }

  function recompute4() {
    form.querySelectorAll("output[data-total-of]").forEach(function (output) {
      var row = output.getAttribute("data-total-of");
      var values = [];
      form.querySelectorAll('input[data-row="' + row + '"]').forEach(function (input) { values.push(parse(input.value)); });
      show(output, sum(values));
    });
  }

  var recompute = table === "3" ? recompute3 : (table === "4" ? recompute4 : function () {});
  form.addEventListener("input", recompute);
  recompute();
}());
