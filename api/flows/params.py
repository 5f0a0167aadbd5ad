"""Query parameters and bodies of the flow endpoints, read strictly: a bad value is a
422 naming the parameter, never a 500 or a silent default."""
from __future__ import annotations

import yaml

from ..paging import MAX_WHOLE_NUMBER, _positive
from ..problems import Unprocessable, invalid_parameter

_BOOLEANS = {"true": True, "false": False}


def bool_param(request, name: str, default: bool) -> bool:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return default
    try:
        return _BOOLEANS[raw.lower()]
    except KeyError:
        raise invalid_parameter(name, f"{raw!r} is not true or false") from None


def int_param(request, name: str) -> int | None:
    """A whole number ≥ 1 (a revision), or None when absent."""
    return _positive(request, name, None)


def int_list_param(request, name: str) -> list[int]:
    """`revisions=1,2` or `revisions=1&revisions=2`."""
    items = [item.strip() for raw in request.query_params.getlist(name) for item in raw.split(",") if item.strip()]
    try:
        numbers = [int(item) for item in items]
    except ValueError:
        raise invalid_parameter(name, f"{','.join(items)!r} is not a list of whole numbers") from None
    if any(abs(number) > MAX_WHOLE_NUMBER for number in numbers):
        raise invalid_parameter(name, f"a revision is at most {MAX_WHOLE_NUMBER}")
    return numbers


def yaml_body(request) -> str:
    """The flow text of the request: YAML (`application/x-yaml`) or plain text; a JSON
    object (Kestra's deprecated JSON form) is written out as YAML."""
    data = request.data
    if type(data) in (dict, list) and data:  # not a form's QueryDict
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if not isinstance(data, str) or not data.strip():
        raise Unprocessable("The request body must hold a flow's YAML (Content-Type: application/x-yaml)")
    return data
