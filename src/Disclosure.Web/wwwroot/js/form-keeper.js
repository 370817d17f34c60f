// Nothing a clerk types is lost (progressive enhancement for <form data-keep> — KeptFormTagHelper).
// - Leaving the page with unsaved changes (a link, 返回, closing the tab) asks first.
// - As one types, a copy of the form is kept in this browser (localStorage, under the page's path). When the page is
//   opened again and the saved figures differ from the copy (a crash, a closed tab, a save lost to an expired
//   session), the copy is offered back: 恢复 or 丢弃. A copy equal to what the page shows is dropped.
// - Ten minutes before the staff session ends the page says so; a save after it has ended goes to the login page,
//   which says that the last input was not saved and that the copy waits on its page.
(function () {
  "use strict";
  var prefix = "disclosure.keep:";
  var storage;
  try { storage = window.localStorage; } catch (e) { storage = null; }

  function read(key) {
    try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
  }
  function write(key, value) {
    try { storage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or refused: the unsaved-changes prompt still guards */ }
  }
  function time(ms) {
    var d = new Date(ms);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (d.getMonth() + 1) + "月" + d.getDate() + "日 " + two(d.getHours()) + ":" + two(d.getMinutes());
  }

  // The login page: name the pages whose last save did not reach the server.
  var notice = document.querySelector("[data-unsaved-notice]");
  if (notice && storage) {
    var lost = [];
    for (var i = 0; i < storage.length; i++) {
      var k = storage.key(i);
      var copy = k && k.indexOf(prefix) === 0 ? read(k) : null;
      if (copy && copy.submittedAt && Date.now() - copy.submittedAt < 7 * 24 * 3600 * 1000) { lost.push(copy); }
    }
    if (lost.length > 0) {
      var list = notice.querySelector("ul");
      lost.forEach(function (copy) {
        var item = document.createElement("li");
        item.textContent = copy.title + "（" + time(copy.submittedAt) + " 点击保存）";
        list.appendChild(item);
      });
      notice.hidden = false;
    }
  }

  // A save the server confirmed: its page's copy is on the server now.
  var confirmed = document.querySelector("[data-saved-path]");
  if (confirmed && storage && confirmed.getAttribute("data-saved-path")) { storage.removeItem(prefix + confirmed.getAttribute("data-saved-path")); }

  var form = document.querySelector("form[data-keep]");
  if (!form) { return; }
  var key = prefix + form.getAttribute("data-keep");

  function fields() {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "__RequestVerificationToken" && el.name !== "Revision" && el.type !== "hidden"
        && el.type !== "submit" && el.type !== "button" && el.type !== "file";
    });
  }
  function snapshot() {
    var values = {};
    fields().forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { values[el.name] = el.value; } else if (!(el.name in values)) { values[el.name] = ""; }
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }
  function differences(a, b) {
    var names = [];
    Object.keys(a).forEach(function (name) { if ((a[name] || "") !== (b[name] || "")) { names.push(name); } });
    Object.keys(b).forEach(function (name) { if (!(name in a) && (b[name] || "") !== "") { names.push(name); } });
    return names;
  }
  function restore(values) {
    fields().forEach(function (el) {
      if (!(el.name in values)) { return; }
      if (el.type === "radio" || el.type === "checkbox") { el.checked = values[el.name] === el.value; } else { el.value = values[el.name]; }
    });
    form.dispatchEvent(new Event("input", { bubbles: true }));
  }

  var saved = snapshot(); // what the server holds, unless the page shows a refused save
  var unsavedOnArrival = form.getAttribute("data-unsaved") === "true";
  var submitting = false;
  var banner = document.createElement("div");
  banner.className = "keeper";
  banner.setAttribute("role", "status");
  form.insertBefore(banner, form.firstChild);

  function dirty() {
    return unsavedOnArrival || differences(saved, snapshot()).length > 0;
  }
  function keep() {
    if (!storage) { return; }
    if (dirty()) {
      var heading = document.querySelector("h1");
      var title = heading ? heading.textContent.replace(/\s+/g, " ").trim() : document.title;
      write(key, { title: title, values: snapshot(), at: Date.now(), submittedAt: submitting ? Date.now() : null });
    } else {
      storage.removeItem(key);
    }
  }

  // On arrival: offer back a copy that differs from what the page shows.
  var copy = storage ? read(key) : null;
  if (copy && copy.values) {
    var changed = differences(snapshot(), copy.values);
    if (changed.length === 0) {
      storage.removeItem(key);
    } else {
      var text = document.createElement("p");
      text.textContent = (copy.submittedAt
        ? "您 " + time(copy.submittedAt) + " 点击了保存，但内容没有保存成功（可能是登录已过期）。"
        : "本机留有您 " + time(copy.at) + " 在本页填写但没有保存的内容。")
        + "与本页现在显示的内容相比，有 " + changed.length + " 处不同。";
      var restoreButton = document.createElement("button");
      restoreButton.type = "button";
      restoreButton.className = "button primary";
      restoreButton.textContent = "恢复未保存的内容";
      var discardButton = document.createElement("button");
      discardButton.type = "button";
      discardButton.className = "button";
      discardButton.textContent = "丢弃";
      restoreButton.addEventListener("click", function () {
        restore(copy.values);
        keep();
        banner.textContent = "已恢复 " + changed.length + " 处未保存的内容。请核对后点击“保存”。";
        banner.className = "keeper keeper--ok";
        var first = form.querySelector('[name="' + changed[0].replace(/"/g, '\\"') + '"]');
        if (first) { first.focus(); }
      });
      discardButton.addEventListener("click", function () {
        storage.removeItem(key);
        banner.textContent = "已丢弃本机保存的内容。";
        banner.className = "keeper";
      });
      banner.className = "keeper keeper--offer";
      banner.appendChild(text);
      banner.appendChild(restoreButton);
      banner.appendChild(document.createTextNode(" "));
      banner.appendChild(discardButton);
    }
  }
  if (unsavedOnArrival) { keep(); }

  form.addEventListener("input", keep);
  form.addEventListener("change", keep);
  form.addEventListener("submit", function () {
    submitting = true;
    if (storage && dirty()) { keep(); }
  });
  window.addEventListener("beforeunload", function (event) {
    if (!submitting && dirty()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // The session clock.
  var ends = parseInt(form.getAttribute("data-session-ends") || "", 10);
  if (ends > 0) {
    var warnAt = ends - 10 * 60 * 1000 - Date.now();
    var warn = function () {
      var alert = document.createElement("p");
      alert.className = "keeper keeper--warn";
      alert.setAttribute("role", "alert");
      alert.textContent = "登录将于 " + time(ends) + " 过期，请在此之前保存。过期后点击保存，内容不会丢失：本机留有副本，重新登录后回到本页即可恢复。";
      form.insertBefore(alert, form.firstChild);
    };
    if (warnAt <= 0) { warn(); } else if (warnAt < 2147483647) { window.setTimeout(warn, warnAt); }
  }
}());
