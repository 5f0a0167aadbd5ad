"""Kestra's webhook endpoint (ExecutionController#webhook):
`GET|POST|PUT /api/v1/main/executions/webhook/{namespace}/{flowId}/{key}`, and the same
without `main/`. The key is the only credential, as in Kestra: no session, no CSRF.

The request starts one execution of the flow whose enabled Webhook trigger has that
key, with the body (parsed when JSON), headers and query parameters as
`trigger.body`, `trigger.headers`, `trigger.parameters`, and answers Kestra's
WebhookResponse. An unknown flow or key, a disabled flow or trigger: 404 and nothing
is created."""
from __future__ import annotations

from django.db import transaction
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

import expressions
from executions.models import TriggerState
from executions.scheduler.firing import CANNOT_START, flow_variables, start_execution
from executions.scheduler.scheduled_flows import enabled_triggers
from executions.serializers import state_json
from flows.models import Flow
from plugins.core.trigger.webhook import find_webhook, trigger_variables

TENANT = "main"


def _not_found(message: str) -> JsonResponse:
    return JsonResponse({"message": f"Not Found: {message}"}, status=404)


def request_variables(request) -> dict:
    """trigger.body / headers / parameters as Kestra's Webhook#evaluate gives them:
    each header and parameter a list of values; header names in lower case, as HTTP/2
    and Kestra's Netty server carry them."""
    body = request.body.decode("utf-8", errors="replace") if request.body else None
    headers = {name.lower(): [value] for name, value in request.headers.items()}
    parameters = {name: values for name, values in request.GET.lists()}
    return trigger_variables(body, headers, parameters)


def webhook_response(execution) -> dict:
    """Kestra's WebhookResponse of the execution just created."""
    return {"tenantId": TENANT, "id": execution.id, "namespace": execution.namespace, "flowId": execution.flow_id,
            "flowRevision": execution.flow_revision, "trigger": execution.trigger, "labels": execution.labels,
            "state": state_json(execution.state, execution.state_history)}


@csrf_exempt
@require_http_methods(["GET", "POST", "PUT"])
def webhook(request, namespace: str, flow_id: str, key: str):
    flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False, disabled=False).first()
    if flow is None:
        return _not_found(f"Flow not found: {namespace}.{flow_id}")
    found = {item.spec.get("id"): item for item in enabled_triggers([flow])}
    variables = flow_variables(flow)
    spec = find_webhook([item.spec for item in found.values()], key,
                        lambda text: expressions.render(text, variables))
    if spec is None or TriggerState.objects.filter(namespace=namespace, flow_id=flow_id, trigger_id=spec["id"],
                                                   disabled=True).exists():
        return _not_found(f"Webhook not found: {namespace}.{flow_id} has no enabled webhook with key {key!r}")
    try:
        with transaction.atomic():
            execution = start_execution(flow, found[spec["id"]].flow_labels, spec, request_variables(request),
                                        spec.get("inputs"))
    except CANNOT_START as exc:
        return JsonResponse({"message": str(exc)}, status=422)
    return JsonResponse(webhook_response(execution))
