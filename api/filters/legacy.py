"""The plain search parameters, as Kestra's RequestUtils.mapLegacyParamsToFilters maps
them when no `filters[...]` is given: `namespace` is a prefix (`io.kestra` finds
`io.kestra.tests` too, not `io.kestra2`), `state` repeatable, `labels=key:value`
repeatable, `q` a text search."""
from __future__ import annotations

from ..problems import invalid_parameter
from .parse import Condition, Group

# parameter -> (filter field, operation)
LEGACY_PARAMS = {
    "q": ("q", "EQUALS"),
    "namespace": ("namespace", "PREFIX"),
    "flowId": ("flowId", "EQUALS"),
    "triggerId": ("triggerId", "EQUALS"),
    "minLevel": ("level", "GREATER_THAN_OR_EQUAL_TO"),
    "startDate": ("startDate", "GREATER_THAN_OR_EQUAL_TO"),
    "endDate": ("endDate", "LESS_THAN_OR_EQUAL_TO"),
    "state": ("state", "IN"),
    "labels": ("labels", "EQUALS"),
    "scope": ("scope", "IN"),
    "childFilter": ("childFilter", "EQUALS"),
    "triggerExecutionId": ("triggerExecutionId", "EQUALS"),
    "workerId": ("workerId", "EQUALS"),
}


def legacy_conditions(params, fields: dict, legacy: dict | None = None) -> Group:
    """The AND of the plain parameters present whose field the endpoint knows."""
    group = Group("and")
    for param, (field, op) in (legacy or LEGACY_PARAMS).items():
        values = [v for v in params.getlist(param) if v != ""]
        if not values or field not in fields:
            continue
        if op == "IN":
            items = [item.strip() for v in values for item in v.split(",") if item.strip()]
            group.children.append(Condition(field, op, items, None, param))
        elif field == "labels":
            for v in values:
                key, _, value = (part.strip() for part in v.partition(":"))
                if not key or not value:
                    raise invalid_parameter(param, f"{v!r} is not key:value")
                group.children.append(Condition(field, op, value, key, param))
        else:
            group.children.extend(Condition(field, op, v, None, param) for v in values)
    return group
