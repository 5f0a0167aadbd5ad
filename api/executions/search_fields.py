"""The fields an execution search filters on (Kestra's ExecutionController#searchExecutions
QueryFilter fields) and its sort names."""
from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from api.filters import Choice, Custom, Date, Namespace, Search, Text
from api.problems import invalid_parameter
from executions.models import Execution, ExecutionLabel, indexed_label
from executions.states import State
from flows.namespaces import SYSTEM_NAMESPACE  # Kestra's system flows (scope SYSTEM)


def labels_q(condition) -> Q:
    """A label key=value (ExecutionLabel rows); NOT_EQUALS keeps executions without the key.
    A correlated EXISTS: a page walks the start-date index and looks each row's label up
    by (execution, key), rather than sorting every execution that has the label."""
    key, value = indexed_label(condition.key, condition.value)  # as the row holds it
    having = Exists(ExecutionLabel.objects.filter(execution_id=OuterRef("pk"), key=key, value=value))
    return Q(having) if condition.op == "EQUALS" else ~Q(having)


def scope_q(condition) -> Q:
    """Kestra's FlowScope: SYSTEM = the system namespace's flows, USER = every other."""
    values = condition.value if isinstance(condition.value, list) else [condition.value]
    found = Q(pk__in=[])
    for value in values:
        if value not in ("USER", "SYSTEM"):
            raise invalid_parameter(condition.param or "scope", f"unknown scope {value!r}; known: USER, SYSTEM")
        found |= Q(namespace=SYSTEM_NAMESPACE) if value == "SYSTEM" else ~Q(namespace=SYSTEM_NAMESPACE)
    return found if condition.op in ("EQUALS", "IN") else ~found


def child_q(condition) -> Q:
    """Kestra's childFilter: CHILD = started by a Subflow task, MAIN = not."""
    if condition.value not in ("CHILD", "MAIN"):
        raise invalid_parameter(condition.param or "childFilter",
                                f"unknown childFilter {condition.value!r}; known: CHILD, MAIN")
    child = Q(parent_id__isnull=False)
    found = child if condition.value == "CHILD" else ~child
    return found if condition.op == "EQUALS" else ~found


FIELDS = {
    "namespace": Namespace("namespace", Execution),
    "flowId": Text("flow_id"),
    "executionId": Text("id"),
    "state": Choice("state", [s.value for s in State]),
    "startDate": Date("start_date"),
    "endDate": Date("end_date"),
    "q": Search(["id", "namespace", "flow_id"]),
    "labels": Custom(labels_q, map=True),
    "scope": Custom(scope_q, ops=("EQUALS", "NOT_EQUALS", "IN", "NOT_IN")),
    "childFilter": Custom(child_q),
}

SORT = {"id": "id", "namespace": "namespace", "flowId": "flow_id", "state.current": "state",
        "state.startDate": "start_date", "state.endDate": "end_date", "state.duration": "end_date",
        "flowRevision": "flow_revision"}
DEFAULT_SORT = ["-start_date"]
