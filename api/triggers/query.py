"""Which triggers a search or a by-query action means: Kestra's trigger filters
(namespace, flowId, triggerId, q, startDate/endDate on the date `dateFilter` names),
from the query string or from a JSON body's `filters` list, narrowed to the namespaces
the user may see (or change), and to triggers whose flow still exists."""
from __future__ import annotations

from django.db.models import Exists, OuterRef

from executions.models import TriggerState
from flows.models import Flow

from ..access import READ, visible
from ..filters import Condition, Date, Group, Search, Text, filter_q, to_q
from ..problems import invalid_parameter

DATE_COLUMNS = {"NEXT_EXECUTION_DATE": "next_date", "LAST_TRIGGERED_DATE": "last_date"}
SORT = {"namespace": "namespace", "flowId": "flow_id", "triggerId": "trigger_id", "date": "last_date",
        "nextExecutionDate": "next_date", "updatedDate": "updated"}


def fields(request) -> dict:
    date_filter = request.query_params.get("dateFilter") or "NEXT_EXECUTION_DATE"
    if date_filter not in DATE_COLUMNS:
        raise invalid_parameter("dateFilter", f"must be one of {', '.join(DATE_COLUMNS)}")
    column = DATE_COLUMNS[date_filter]
    return {"namespace": Text("namespace"), "flowId": Text("flow_id"), "triggerId": Text("trigger_id"),
            "q": Search(["namespace", "flow_id", "trigger_id"]), "startDate": Date(column), "endDate": Date(column)}


def body_group(filters) -> Group:
    """A JSON body's `filters`: [{field, operation, value}] as kestrapy sends QueryFilter."""
    if not isinstance(filters, list):
        raise invalid_parameter("filters", "must be a list of {field, operation, value}")
    group = Group("and")
    for index, item in enumerate(filters):
        if not isinstance(item, dict) or not item.get("field") or not item.get("operation"):
            raise invalid_parameter(f"filters[{index}]", "must be {field, operation, value}")
        value = item.get("value")
        if isinstance(value, list):
            value = [str(v) for v in value]
        elif value is not None:
            value = str(value)
        group.children.append(Condition(str(item["field"]), str(item["operation"]).upper(), value, None,
                                        f"filters[{index}]"))
    return group


def with_flow():
    return Exists(Flow.objects.filter(namespace=OuterRef("namespace"), flow_id=OuterRef("flow_id"), deleted=False))


def matching(request, action: str = READ, body_filters=None):
    """The trigger states the request's filters select, in namespaces the user may `action` in."""
    rows = visible(request, TriggerState.objects.filter(with_flow()), action=action)
    if body_filters is not None:
        return rows.filter(to_q(body_group(body_filters), fields(request)))
    return rows.filter(filter_q(request, fields(request)))
