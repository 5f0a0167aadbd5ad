// The Executions pages' little behaviour: "select all" in the list, a confirmation
// before a button marked `data-confirm` submits its form, and <details> that stay open
// across the live Gantt's refreshes.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const all = document.getElementById("select-all");
    if (all) {
      all.addEventListener("change", function () {
        document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
      });
    }
  });
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });

  // A live refresh swaps the whole chart for a fresh one whose <details> are closed:
  // remember which ones the reader opened (by id; `toggle` does not bubble, hence the
  // capture) and reopen them after each swap, and give the keyboard focus back to the
  // summary it was on, so a refresh changes the figures but not what the reader sees.
  const opened = new Set();
  let focused = null;
  document.addEventListener("toggle", function (event) {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.id) return;
    if (details.open) opened.add(details.id); else opened.delete(details.id);
  }, true);
  document.addEventListener("htmx:beforeSwap", function () {
    const active = document.activeElement;
    const details = active && active.tagName === "SUMMARY" ? active.parentElement : null;
    focused = details && details.id ? details.id : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    opened.forEach(function (id) {
      const details = document.getElementById(id);
      if (details) details.open = true;
    });
    const details = focused && document.getElementById(focused);
    if (details && document.activeElement !== details.firstElementChild) details.querySelector("summary").focus();
    focused = null;
  });
})();
