// The shell's behaviour: the theme switch (stored on the server, applied at once).
(function () {
  "use strict";
  const root = document.documentElement;

  function effectiveTheme() {
    const chosen = root.dataset.theme;
    if (chosen === "light" || chosen === "dark") return chosen;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function csrfToken() {
    const headers = document.body.getAttribute("hx-headers");
    return headers ? JSON.parse(headers)["X-CSRFToken"] : "";
  }

  document.addEventListener("DOMContentLoaded", function () {
    const toggle = document.getElementById("theme-toggle");
    if (!toggle) return;
    toggle.addEventListener("click", function () {
      const next = effectiveTheme() === "dark" ? "light" : "dark";
      root.dataset.theme = next;
      document.dispatchEvent(new CustomEvent("kestraweb:theme", {detail: {dark: next === "dark"}}));
      fetch(toggle.dataset.url, {
        method: "POST",
        credentials: "same-origin",
        headers: {"X-CSRFToken": csrfToken(), "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded"},
        body: "theme=" + next,
      });
    });
  });

  window.kestraweb = {effectiveTheme: effectiveTheme, csrfToken: csrfToken};
})();
