"""Reading an execution request: inputs from a multipart body (text parts and files),
`labels=key:value` (repeated), `revision`, `scheduleDate`, boolean flags. Each bad
parameter is a 422 naming it."""
from __future__ import annotations

from api.filters.fields import parse_instant
from api.paging import _positive
from api.problems import invalid_parameter


def inputs_of(request) -> tuple[dict, dict]:
    """(text inputs, uploaded files) by input id. A repeated text part is a list
    (MULTISELECT); no body, or an empty multipart, is no inputs."""
    data = request.data
    values = {}
    if hasattr(data, "lists"):
        for key, items in data.lists():
            if key not in request.FILES:
                values[key] = items if len(items) > 1 else items[0]
    elif isinstance(data, dict):
        values = dict(data)
    return values, {key: request.FILES[key] for key in request.FILES}


def labels_of(request, name: str = "labels") -> list[dict]:
    labels = []
    for raw in request.query_params.getlist(name):
        key, sep, value = raw.partition(":")
        if not sep or not key.strip():
            raise invalid_parameter(name, f"{raw!r} is not key:value")
        labels.append({"key": key.strip(), "value": value.strip()})
    return labels


def integer(request, name: str) -> int | None:
    """A whole number >= 1, or None when absent (the paging parameters' rule)."""
    return _positive(request, name, None)


def flag(request, name: str, default: bool = False) -> bool:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    if raw.lower() not in ("true", "false"):
        raise invalid_parameter(name, f"{raw!r} is not true or false")
    return raw.lower() == "true"


def instant(request, name: str):
    raw = request.query_params.get(name)
    return None if raw in (None, "") else parse_instant(raw, name)


KINDS = ("NORMAL", "TEST", "PLAYGROUND")  # Kestra's ExecutionKind


def kind_of(request) -> str | None:
    raw = request.query_params.get("kind")
    if raw in (None, ""):
        return None
    if raw not in KINDS:
        raise invalid_parameter("kind", f"{raw!r} is not one of {', '.join(KINDS)}")
    return raw


def breakpoints_of(request) -> list[dict] | None:
    """Kestra's `breakpoints`: `taskId` or `taskId.value` (only the taskrun of that loop
    value), comma-separated, the parameter repeatable. Read as Kestra's Breakpoint.of
    reads one: the first dot splits (task ids hold none), unless it starts the text.
    None when there are none."""
    found = []
    for raw in request.query_params.getlist("breakpoints"):
        for text in (part.strip() for part in raw.split(",")):
            dot = text.find(".")
            if dot > 0:
                found.append({"id": text[:dot], "value": text[dot + 1:]})
            elif text:
                found.append({"id": text})
    return found or None
