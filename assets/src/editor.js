// The flow editor (CodeMirror 6): YAML highlighting, line numbers, live validation
// against the server (each error at its line) and completion of task types and their
// properties from the declared schema. Built into static/vendor/editor.js as
// `window.kestraEditor`; the pages pass the URLs, so this file knows no route.
// The same editor edits namespace files: `language` names the mode (LANGUAGES).
import {EditorView, basicSetup} from "codemirror";
import {EditorState, Compartment} from "@codemirror/state";
import {keymap} from "@codemirror/view";
import {indentWithTab} from "@codemirror/commands";
import {yaml} from "@codemirror/lang-yaml";
import {linter, lintGutter} from "@codemirror/lint";
import {autocompletion} from "@codemirror/autocomplete";
import {oneDark} from "@codemirror/theme-one-dark";
import {MergeView} from "@codemirror/merge";
import {json} from "@codemirror/lang-json";
import {python} from "@codemirror/lang-python";
import {sql} from "@codemirror/lang-sql";
import {StreamLanguage} from "@codemirror/language";
import {shell} from "@codemirror/legacy-modes/mode/shell";

// The modes a page may ask for by name; anything else is plain text.
const LANGUAGES = {
  yaml: () => yaml(),
  json: () => json(),
  python: () => python(),
  sql: () => sql(),
  shell: () => StreamLanguage.define(shell),
};

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) return decodeURIComponent(match[1]);
  const field = document.querySelector("input[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

// Server-side validation: POST the text, get {errors: [{line, column, message}]}.
function serverLinter(validateUrl) {
  return linter(async (view) => {
    const source = view.state.doc.toString();
    let response;
    try {
      response = await fetch(validateUrl, {
        method: "POST",
        headers: {"Content-Type": "application/x-yaml", "X-CSRFToken": csrfToken()},
        body: source,
        credentials: "same-origin",
      });
    } catch (error) {
      return [];  // offline for a moment: keep the last diagnostics rather than invent one
    }
    if (!response.ok) return [];
    const body = await response.json();
    const doc = view.state.doc;
    return (body.errors || []).map((error) => {
      const lineNumber = Math.min(Math.max(error.line || 1, 1), doc.lines);
      const line = doc.line(lineNumber);
      const from = Math.min(line.from + Math.max((error.column || 1) - 1, 0), line.to);
      return {from, to: line.to > from ? line.to : from, severity: error.severity || "error", message: error.message};
    });
  }, {delay: 400});
}

// The `type:` of the list item or mapping that holds line `lineNumber`, if any.
function enclosingType(doc, lineNumber, indent) {
  for (let n = lineNumber; n >= 1; n--) {
    const text = doc.line(n).text;
    if (!text.trim()) continue;
    const ownIndent = text.search(/\S/);
    const item = text.match(/^(\s*)(- )?type:\s*["']?([\w.]+)/);
    if (item) {
      const keyIndent = item[1].length + (item[2] ? 2 : 0);
      if (keyIndent === indent) return item[3];
    }
    if (ownIndent < indent && !/^\s*- /.test(text)) return null;
    if (ownIndent < indent - 2) return null;
  }
  return null;
}

function schemaCompletion(schemaUrl) {
  let schema = null;
  const load = () => schema || (schema = fetch(schemaUrl, {credentials: "same-origin"}).then((r) => r.json()));
  return async (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const data = await load();
    const typeValue = before.match(/^\s*(- )?type:\s*["']?([\w.]*)$/);
    if (typeValue) {
      return {
        from: context.pos - typeValue[2].length,
        options: data.types.map((t) => ({label: t.type, type: "class", detail: t.kind, info: t.title || undefined})),
        validFor: /^[\w.]*$/,
      };
    }
    const key = before.match(/^(\s*)(- )?(\w*)$/);
    if (!key) return null;
    const indent = key[1].length + (key[2] ? 2 : 0);
    const typeName = enclosingType(context.state.doc, line.number, indent);
    const declared = typeName && data.types.find((t) => t.type === typeName);
    if (!declared) return null;
    return {
      from: context.pos - key[3].length,
      options: declared.properties.map((p) => ({
        label: p.name, type: "property", apply: p.name + ": ",
        detail: p.required ? "required" : p.kind, info: p.description || undefined,
      })),
      validFor: /^\w*$/,
    };
  };
}

const themes = new Compartment();

function create({parent, doc = "", input = null, validateUrl = null, schemaUrl = null,
                 readOnly = false, dark = false, fontSize = 14, onChange = null,
                 language = "yaml", label = "flow source"}) {
  const mode = LANGUAGES[language];
  const extensions = [
    basicSetup,
    keymap.of([indentWithTab]),
    mode ? mode() : [],
    themes.of(dark ? oneDark : []),
    EditorView.theme({"&": {fontSize: `${fontSize}px`}, ".cm-scroller": {fontFamily: "var(--mono)"}}),
    EditorState.readOnly.of(readOnly),
    EditorView.contentAttributes.of({"aria-label": label}),
  ];
  if (validateUrl) extensions.push(lintGutter(), serverLinter(validateUrl));
  if (schemaUrl) extensions.push(autocompletion({override: [schemaCompletion(schemaUrl)]}));
  extensions.push(EditorView.updateListener.of((update) => {
    if (!update.docChanged) return;
    const text = update.state.doc.toString();
    if (input) input.value = text;
    if (onChange) onChange(text);
  }));
  const view = new EditorView({doc, parent, extensions});
  if (input) input.value = doc;
  return view;
}

function setDark(view, dark) {
  view.dispatch({effects: themes.reconfigure(dark ? oneDark : [])});
}

// Two revisions side by side, changes marked.
function diff({parent, before, after, dark = false}) {
  const shared = [basicSetup, yaml(), EditorState.readOnly.of(true), EditorView.editable.of(false),
                  ...(dark ? [oneDark] : [])];
  return new MergeView({a: {doc: before, extensions: shared}, b: {doc: after, extensions: shared}, parent});
}

window.kestraEditor = {create, setDark, diff, languages: Object.keys(LANGUAGES)};
