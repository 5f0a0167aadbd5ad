"""The editor's view of a flow's problems: each at its line and column, as the flow
spec reports them (flows/spec: every problem at once, with its path and line). Flows
and templates are checked by the same rules, a template's own on top."""
from __future__ import annotations

from flows.renames import FLOW_NAMES, TEMPLATE_NAMES, renamed
from flows.spec import FlowInvalid, SpecError, validate_source
from flows.template_changes import check_template

KINDS = ("flow", "template")


class UnknownKind(Exception):
    """A `kind` other than flow or template was asked to be checked."""


def problems_of(kind: str, source: str, editing: tuple[str, str] | None = None) -> list[SpecError]:
    """Every problem of `source` read as a flow or a template; [] when it is valid.
    `editing` ((namespace, id) of the one being changed) adds a rename saving refuses."""
    if kind == "flow":
        problems = validate_source(source)
    elif kind == "template":
        try:
            check_template(source)
            problems = []
        except FlowInvalid as exc:
            problems = exc.errors
    else:
        raise UnknownKind(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    if editing:
        problems = [*problems, *renamed(source, *editing, FLOW_NAMES if kind == "flow" else TEMPLATE_NAMES)]
    return problems


def column_of(source: str, line: int) -> int:
    """Where the line's content starts (1-based), after its indent and a list dash, so
    the marker sits under the key the problem is about."""
    lines = source.splitlines()
    if not 1 <= line <= len(lines):
        return 1
    text = lines[line - 1]
    stripped = text.lstrip(" ")
    if stripped.startswith("- "):
        stripped = stripped[2:].lstrip(" ")
    return len(text) - len(stripped) + 1


def problems_json(problems: list[SpecError], source: str) -> list[dict]:
    """{line, column, message} for each problem; one with no known line is put on line 1
    (the editor must show it somewhere)."""
    found = []
    for problem in problems:
        line = problem.line or 1
        found.append({"line": line, "column": column_of(source, line), "message": problem.what()})
    return found
