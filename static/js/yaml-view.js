// Read-only YAML (blueprints, documentation examples): each <pre data-yaml-view> becomes
// a highlighted, line-numbered editor view; without JavaScript the <pre> stays readable.
(function () {
  "use strict";
  const views = [];

  function dark() {
    return window.kestraweb ? window.kestraweb.effectiveTheme() === "dark" : false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.kestraEditor) return;
    document.querySelectorAll("pre[data-yaml-view]").forEach(function (pre) {
      const holder = document.createElement("div");
      holder.className = "yaml-view-editor";
      pre.replaceWith(holder);
      views.push(window.kestraEditor.create({parent: holder, doc: pre.textContent.replace(/\n$/, ""), readOnly: true,
                                             dark: dark(), fontSize: Number(pre.dataset.fontSize) || 14}));
    });
  });

  document.addEventListener("kestraweb:theme", function (event) {
    views.forEach(function (view) { window.kestraEditor.setDark(view, event.detail.dark); });
  });
})();
