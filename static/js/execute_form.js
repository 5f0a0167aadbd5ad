// The Execute form (templates/flow_run/execute.html): JSON and ARRAY fields are checked
// as they are typed (the server checks them again), and inputs with `dependsOn` are
// shown only when they apply, as the server says for the values in the form now.
(function () {
  "use strict";
  const form = document.getElementById("execute-form");
  if (!form) return;

  function jsonProblem(field) {
    const text = field.value.trim();
    if (!text) return "";
    try {
      const value = JSON.parse(text);
      if (field.dataset.json === "ARRAY" && !Array.isArray(value)) return "must be a JSON array, like [\"a\", \"b\"]";
      return "";
    } catch (error) {
      return "not valid JSON: " + error.message;
    }
  }

  function checkJson(field) {
    const message = field.closest(".input-row").querySelector(".json-error");
    const problem = jsonProblem(field);
    if (message) {
      message.textContent = problem;
      message.hidden = !problem;
    }
    field.setAttribute("aria-invalid", problem ? "true" : "false");
    return !problem;
  }

  form.querySelectorAll("[data-json]").forEach(function (field) {
    field.addEventListener("input", function () { checkJson(field); });
  });

  form.addEventListener("submit", function (event) {
    const bad = Array.from(form.querySelectorAll("[data-json]"))
      .filter(function (field) { return !field.disabled && !checkJson(field); });
    if (bad.length) {
      event.preventDefault();
      bad[0].focus();
    }
  });

  const conditionsUrl = form.dataset.conditionsUrl;
  if (!conditionsUrl) return;

  function apply(enabled) {
    form.querySelectorAll(".input-row[data-input-id]").forEach(function (row) {
      const on = enabled[row.dataset.inputId] !== false;
      row.hidden = !on;
      row.querySelectorAll("input, select, textarea").forEach(function (control) { control.disabled = !on; });
    });
  }

  function refresh() {
    const body = new FormData();
    new FormData(form).forEach(function (value, key) {
      if (typeof value === "string") body.append(key, value);
    });
    fetch(conditionsUrl, {method: "POST", body: body, credentials: "same-origin",
                          headers: {"X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) apply(answer.enabled); });
  }

  form.addEventListener("change", function (event) {
    if (event.target.type !== "file") refresh();
  });
  apply(Object.fromEntries(Array.from(form.querySelectorAll(".input-row[data-input-id]"))
    .map(function (row) { return [row.dataset.inputId, !row.hidden]; })));
}());
