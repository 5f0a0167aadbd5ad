// The Executions pages' little behaviour: "select all" in the list, and a confirmation
// before a button marked `data-confirm` submits its form.
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
})();
