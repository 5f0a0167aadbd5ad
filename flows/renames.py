"""The rule an update of a flow or a template keeps: its namespace and id stay (Kestra's
Flow#validateUpdate, "Illegal namespace update"). One home for it: the saves
(flow_changes, template_changes) refuse a source that breaks it, and the editor's live
validation flags it at its line while the user types."""
from __future__ import annotations

from flows.spec import FlowInvalid, SpecError
from flows.spec.yaml_lines import line_of, load

FLOW_NAMES = ("namespace", "flow id")  # Kestra's wording: "Illegal flow id update"
TEMPLATE_NAMES = ("template namespace", "template id")


def renamed(source: str, namespace: str, identifier: str, names: tuple[str, str] = FLOW_NAMES) -> list[SpecError]:
    """Each change of namespace or id `source` makes, at its line. It reads what it can
    of a source that may be invalid elsewhere: a missing or unreadable key is the spec's
    problem, not this one."""
    try:
        data = load(source)
    except FlowInvalid:
        return []
    if not isinstance(data, dict):
        return []
    problems = []
    for key, kept, name in (("namespace", namespace, names[0]), ("id", identifier, names[1])):
        value = data.get(key)
        if isinstance(value, str | int) and str(value) != kept:
            problems.append(SpecError(key, f"Illegal {name} update: '{kept}' cannot become '{value}'",
                                      line_of(data, key)))
    return problems
