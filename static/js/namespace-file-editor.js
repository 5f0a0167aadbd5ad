// A namespace file's editor: CodeMirror (window.kestraEditor) in place of the form's
// textarea, which stays the field the form posts (with its CSRF token, as without
// JavaScript). The mode follows the file's extension: the server names it for an
// existing file; for a new one it follows the path typed (#file-languages, the
// server's one list). Ctrl+S saves.
(function () {
  "use strict";

  function isDark() {
    return window.kestraweb ? window.kestraweb.effectiveTheme() === "dark" : false;
  }

  function languageOf(path, byExtension) {
    const name = path.split("/").pop();
    const dot = name.lastIndexOf(".");
    return dot >= 0 ? byExtension[name.slice(dot + 1).toLowerCase()] || "" : "";
  }

  function mount(form) {
    const textarea = form.querySelector("textarea[name=content]");
    const host = form.querySelector(".editor-host");
    const pathField = form.querySelector("input#file-path");
    const source = document.getElementById("file-languages");
    const byExtension = source ? JSON.parse(source.textContent) : {};
    let view = null;
    let language = null;

    function open(wanted) {
      if (view && wanted === language) return;
      const doc = view ? view.state.doc.toString() : textarea.value;
      const hadFocus = view ? view.hasFocus : false;
      if (view) view.destroy();
      language = wanted;
      view = window.kestraEditor.create({
        parent: host, doc: doc, input: textarea, language: wanted || "text",
        label: "Content", dark: isDark(),
      });
      host.dataset.language = wanted;  // for tests: the mode in use
      if (hadFocus) view.focus();
    }

    open(form.dataset.language || "");
    textarea.hidden = true;
    // The <label> names the textarea; clicking it now puts the caret in the editor.
    const label = form.querySelector('label[for="file-content"]');
    if (label) label.addEventListener("click", function (event) { event.preventDefault(); view.focus(); });
    if (pathField) {
      pathField.addEventListener("change", function () { open(languageOf(pathField.value, byExtension)); });
    }
    document.addEventListener("kestraweb:theme", function (event) {
      window.kestraEditor.setDark(view, event.detail.dark);
    });
    form.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.kestraEditor) return;  // the textarea stays the editor
    document.querySelectorAll("form.file-editor").forEach(mount);
  });
})();
