// A form with `data-confirm` asks before it is sent (delete a flow, restore a revision).
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    const message = event.target.dataset ? event.target.dataset.confirm : null;
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
