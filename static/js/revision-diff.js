// Two revisions of a flow side by side (the sources come as JSON in #revision-diff-data).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const data = document.getElementById("revision-diff-data");
    const host = document.getElementById("revision-diff");
    if (!data || !host) return;
    const sources = JSON.parse(data.textContent);
    const dark = window.kestraweb ? window.kestraweb.effectiveTheme() === "dark" : false;
    let view = window.kestraEditor.diff({parent: host, before: sources.before, after: sources.after, dark: dark});
    document.addEventListener("kestraweb:theme", function (event) {
      view.destroy();
      view = window.kestraEditor.diff({parent: host, before: sources.before, after: sources.after,
                                       dark: event.detail.dark});
    });
  });
})();
