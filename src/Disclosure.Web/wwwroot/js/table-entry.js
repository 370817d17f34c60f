// The table entry forms, as a clerk uses them (progressive enhancement: the server always recomputes and checks).
// - Live arithmetic. The form says what to add up, so this script knows no table: each computed
//   <output data-sum="row.col …"> is the sum of the cells it names (a total of totals is added up after its parts);
//   each balance cell <td data-received="…" data-settled="…"> checks that its two sums are equal. Blank stays blank.
// - Numbers as people type them: full-width digits from a Chinese input method (１２) and thousands separators
//   ("1,200") count as numbers, as on the server (CellParser).
// - Keyboard like a spreadsheet: Enter and ↓ go to the cell below, Shift+Enter and ↑ to the cell above; Enter never
//   submits the form from a cell.
// - Paste a block copied from Excel or WPS (tab- and newline-separated): it fills the printed grid from the focused
//   cell, right and down; totals are skipped; a summary says what was filled and what did not fit.
// - 空白填 0: every still-empty cell becomes 0.
(function () {
  "use strict";
  var form = document.querySelector("form.table-form");
  if (!form) { return; }
  var outputs = Array.prototype.slice.call(form.querySelectorAll("output[data-sum]"));
  var balances = form.querySelectorAll("[data-balance-col]");
  var status = form.querySelector("[data-entry-status]");
  var keys = form.querySelector(".entry-keys");
  if (keys) { keys.hidden = false; }

  // The same reading of a typed number as CellParser.Canonical on the server: full-width digits and signs, whitespace
  // dropped anywhere, thousands separators only where every group has three digits.
  function numberText(text) {
    var value = (text || "").replace(/[\uFF10-\uFF19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/\uFF0C/g, ",").replace(/\uFF0E/g, ".").replace(/[\uFF0D\u2212\u2013]/g, "-").replace(/\uFF0B/g, "+")
      .replace(/[\s\u200B-\u200D\uFEFF]+/g, "");
    return /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value) ? value.replace(/,/g, "") : value;
  }
  function parse(text) {
    var value = numberText(text);
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

  // R5 as one types: 二、上年结转 against last year's 四、结转下年度继续办理 (data-expected on those inputs).
  var carried = Array.prototype.filter.call(form.querySelectorAll("input[data-expected]"), function (input) {
    return /^\d+$/.test(input.getAttribute("data-expected"));
  });
  var carryStatus = form.querySelector("[data-carry-status]");
  function checkCarryOver() {
    if (!carryStatus || carried.length === 0) { return; }
    var off = [];
    carried.forEach(function (input) {
      var typed = parse(input.value);
      var expected = parseInt(input.getAttribute("data-expected"), 10);
      var bad = !isNaN(typed) && (typed || 0) !== expected;
      input.closest("td").classList.toggle("has-finding", bad);
      if (bad) { off.push("“" + input.getAttribute("aria-label").split("·").pop() + "”列上年为 " + expected + "，本表为 " + (typed === null ? "空白" : typed)); }
    });
    carryStatus.textContent = off.length === 0 ? "" : "上年结转衔接（R5）：与上一年度报告的“结转下年度继续办理”不一致——" + off.join("；") + "。如因机构改革等原因确实不同，请在“提交前核对”页说明理由。";
  }

  function say(message) {
    if (status) { status.textContent = message; }
  }

  // The printed grid: the body rows that hold figures, each a list of its figure cells (typed or computed) from left
  // to right, as the printed table has them.
  function grid() {
    var rows = [];
    Array.prototype.forEach.call(form.querySelectorAll("table.entry tbody tr"), function (tr) {
      var cells = [];
      Array.prototype.forEach.call(tr.children, function (td) {
        var field = td.querySelector("input, output");
        if (field) { cells.push(field); }
      });
      if (cells.length > 0) { rows.push(cells); }
    });
    return rows;
  }
  function position(rows, input) {
    for (var r = 0; r < rows.length; r++) {
      var c = rows[r].indexOf(input);
      if (c >= 0) { return { row: r, col: c }; }
    }
    return null;
  }
  function center(element) {
    var box = element.getBoundingClientRect();
    return box.left + box.width / 2;
  }
  // The typed cell above or below, in the row nearest to this one that has a typed cell under this one.
  function vertical(input, step) {
    var rows = grid();
    var at = position(rows, input);
    if (!at) { return null; }
    var x = center(input);
    for (var r = at.row + step; r >= 0 && r < rows.length; r += step) {
      var best = null;
      var distance = Infinity;
      rows[r].forEach(function (cell) {
        if (cell.tagName !== "INPUT") { return; }
        var box = cell.closest("td").getBoundingClientRect();
        var d = x >= box.left && x <= box.right ? 0 : Math.abs(center(cell) - x);
        if (d < distance) { distance = d; best = cell; }
      });
      if (best && distance === 0) { return best; }
    }
    return null;
  }

  form.addEventListener("keydown", function (event) {
    var input = event.target;
    if (input.tagName !== "INPUT" || !input.hasAttribute("data-row") || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) { return; }
    var step = 0;
    if (event.key === "Enter") { step = event.shiftKey ? -1 : 1; event.preventDefault(); }
    else if (event.key === "ArrowDown") { step = 1; }
    else if (event.key === "ArrowUp") { step = -1; }
    if (step === 0) { return; }
    var next = vertical(input, step);
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  });

  form.addEventListener("paste", function (event) {
    var input = event.target;
    if (input.tagName !== "INPUT" || !input.hasAttribute("data-row")) { return; }
    var text = (event.clipboardData || window.clipboardData).getData("text");
    if (!/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ""))) { return; } // One value: the browser pastes it.
    event.preventDefault();
    var lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n").map(function (line) { return line.split("\t"); });
    var rows = grid();
    var at = position(rows, input);
    var filled = 0, computed = 0, outside = 0, width = 0;
    lines.forEach(function (values, i) {
      width = Math.max(width, values.length);
      values.forEach(function (raw, j) {
        var row = rows[at.row + i];
        var cell = row && row[at.col + j];
        if (!cell) { outside += 1; return; }
        if (cell.tagName !== "INPUT") { computed += 1; return; }
        cell.value = raw.trim();
        filled += 1;
      });
    });
    recompute();
    form.dispatchEvent(new Event("input", { bubbles: true }));
    var message = "已粘贴 " + lines.length + " 行 × " + width + " 列：填入 " + filled + " 格";
    if (computed > 0) { message += "；" + computed + " 个数落在自动计算的合计格，未填入"; }
    if (outside > 0) { message += "；" + outside + " 个数超出表格，未填入"; }
    say(message + "。保存后生效。");
  });

  var zero = form.querySelector("[data-fill-zero]");
  if (zero) {
    zero.hidden = false;
    zero.addEventListener("click", function () {
      var count = 0;
      Array.prototype.forEach.call(form.querySelectorAll("table.entry input[data-row]"), function (input) {
        if (input.value.trim() === "" && input.getAttribute("inputmode") !== "text") {
          input.value = "0";
          count += 1;
        }
      });
      recompute();
      form.dispatchEvent(new Event("input", { bubbles: true }));
      say(count === 0 ? "没有空白格。" : "已将 " + count + " 个空白格填为 0。保存后生效。");
    });
  }

  form.addEventListener("input", recompute);
  form.addEventListener("input", checkCarryOver);
  recompute();
  checkCarryOver();
}());
