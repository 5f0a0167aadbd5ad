"""A trigger's state in the JSON shape of Kestra's REST API (its Trigger model, as
GET /api/v1/{tenant}/triggers/... returns it), and its CSV export."""
from __future__ import annotations

import csv
import io

from executions.models import TriggerState
from executions.models.state_history import iso

CSV_COLUMNS = ("namespace", "flowId", "triggerId", "date", "nextExecutionDate", "executionId", "disabled",
               "evaluateRunningDate", "updatedDate")


def _date(value):
    return iso(value) if value else None


def _record_date(text):
    """A backfill record keeps ISO text with its offset; Kestra writes Z for UTC."""
    return text.replace("+00:00", "Z") if isinstance(text, str) else text


def backfill_json(record: dict | None) -> dict | None:
    """Kestra's Backfill: start, end, currentDate, paused, inputs, labels."""
    if not record:
        return None
    return {"start": _record_date(record.get("start")), "end": _record_date(record.get("end")),
            "currentDate": _record_date(record.get("current")), "paused": bool(record.get("paused")),
            "inputs": record.get("inputs") or {}, "labels": record.get("labels") or [],
            "previousNextExecutionDate": None}


def trigger_json(state: TriggerState, tenant: str = "main") -> dict:
    """Kestra's Trigger (the trigger context): `locked` is this server's word for a
    trigger held by a running execution or an evaluation."""
    return {
        "tenantId": tenant,
        "namespace": state.namespace,
        "flowId": state.flow_id,
        "triggerId": state.trigger_id,
        "type": state.trigger_type or None,
        "date": _date(state.last_date),
        "nextExecutionDate": _date(state.next_date),
        "executionId": state.execution_id,
        "lastExecutionId": state.last_execution_id,
        "evaluateRunningDate": _date(state.evaluating_since),
        "workerId": None,
        "updatedDate": _date(state.updated),
        "disabled": state.disabled,
        "locked": bool(state.execution_id or state.evaluating_since),
        "backfill": backfill_json(state.backfill),
        "stopAfter": None,
    }


def search_result_json(state: TriggerState, definition: dict | None, tenant: str = "main") -> dict:
    """One result of the trigger search: Kestra's {triggerContext, abstractTrigger}
    pair, with the context's fields also at the top level for readers of 1.x."""
    context = trigger_json(state, tenant)
    return {**context, "triggerContext": context, "abstractTrigger": definition}


def triggers_csv(states) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for state in states:
        row = trigger_json(state)
        writer.writerow(["" if row[column] is None else str(row[column]).lower() if isinstance(row[column], bool)
                         else row[column] for column in CSV_COLUMNS])
    return out.getvalue()
