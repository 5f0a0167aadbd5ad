// The flow and template editor: CodeMirror in place of each `form.flow-editor`'s
// textarea (which stays the form's field), following the page's theme; Ctrl+S saves.
(function () {
  "use strict";

  function isDark() {
    return window.kestraweb ? window.kestraweb.effectiveTheme() === "dark" : false;
  }

  function mount(form) {
    const textarea = form.querySelector("textarea[name=source]");
    const host = form.querySelector(".editor-host");
    const readOnly = form.dataset.readOnly === "true";
    const view = window.kestraEditor.create({
      parent: host,
      doc: textarea.value,
      input: textarea,
      validateUrl: form.dataset.validateUrl,
      schemaUrl: readOnly ? null : form.dataset.schemaUrl,
      readOnly: readOnly,
      dark: isDark(),
      fontSize: parseInt(form.dataset.fontSize, 10) || 14,
    });
    textarea.hidden = true;
    document.addEventListener("kestraweb:theme", function (event) {
      window.kestraEditor.setDark(view, event.detail.dark);
    });
    // The server's list of problems: each line number puts the cursor on its line.
    form.querySelectorAll(".editor-problems [data-line]").forEach(function (button) {
      button.addEventListener("click", function () {
        const doc = view.state.doc;
        const line = doc.line(Math.min(Math.max(parseInt(button.dataset.line, 10) || 1, 1), doc.lines));
        const at = Math.min(line.from + (parseInt(button.dataset.column, 10) || 1) - 1, line.to);
        view.dispatch({selection: {anchor: at}, scrollIntoView: true});
        view.focus();
      });
    });
    form.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "s" && !readOnly) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.flow-editor").forEach(mount);
  });
})();
