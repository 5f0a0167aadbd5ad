"""Kestra's webhook endpoint (ExecutionController#webhook, Webhook#evaluate):
`GET|POST|PUT /api/v1/main/executions/webhook/{namespace}/{flowId}/{key}`, and the same
without `main/`. The key is the only credential, as in Kestra: no session, no CSRF.

The request starts one execution of the flow whose enabled Webhook trigger has that
key, with the body (parsed when JSON), headers and query parameters as
`trigger.body`, `trigger.headers`, `trigger.parameters`, and answers Kestra's
WebhookResponse. An unknown flow or key, a disabled flow or trigger: 404 and nothing
is created; the trigger's conditions not met: 204 and nothing is created. The
`{key}/{path}` form exists for other webhook triggers: Kestra's core Webhook answers it
404 and creates nothing, and so does this one.

With `wait: true` the answer comes once the execution ended, wherever it ran (the
database is polled: webhook_wait): its WebhookResponse, or with `returnOutputs: true`
the flow's outputs, with the status Webhook#evaluate gives (`responseCode`, else 500
for a FAILED execution, else 200). The wait is bounded: past
KESTRAWEB_WEBHOOK_WAIT_TIMEOUT the answer is 504 with the execution as it is then."""
from __future__ import annotations

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

import expressions
from executions.models import TriggerState
from executions.scheduler.firing import CANNOT_START, flow_variables, start_execution
from executions.scheduler.scheduled_flows import enabled_triggers
from executions.scheduler.webhooks import condition_context
from executions.serializers import state_json
from expressions import ExpressionError
from flows.models import Flow
from flows.spec.storable import first_unstorable
from plugins.core.trigger.webhook import (
    conditions_hold,
    ended_status,
    find_webhook,
    outputs_body,
    trigger_variables,
)

from .problem_json import answer_by_design
from .routing import TENANT
from .webhook_wait import wait_for_end


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


def execution_url(execution) -> str:
    """The execution's page, as Kestra's ExecutionController#executionUrl spells it."""
    return f"/ui/{TENANT}/executions/{execution.namespace}/{execution.flow_id}/{execution.id}"


def webhook_response(execution) -> dict:
    """Kestra's WebhookResponse of the execution."""
    return {"tenantId": TENANT, "id": execution.id, "namespace": execution.namespace, "flowId": execution.flow_id,
            "flowRevision": execution.flow_revision, "trigger": execution.trigger,
            "outputs": execution.outputs or None, "labels": execution.labels,
            "state": state_json(execution.state, execution.state_history), "url": execution_url(execution)}


def _start(request, namespace: str, flow_id: str, key: str, path: str | None):
    """The execution started and its trigger's spec and flow, or the response that
    refuses the request."""
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
    if path is not None:
        return _not_found(f"Webhook not found: the Webhook trigger '{spec['id']}' takes no path after its key")
    trigger = request_variables(request)
    unstorable = first_unstorable(trigger)
    if unstorable is not None:  # a NUL (raw or `\u0000`) in the body: PostgreSQL's jsonb refuses it
        where, problem = unstorable
        return JsonResponse({"message": f"Invalid value at 'trigger.{where}': it {problem}"}, status=422)
    if not conditions_hold(spec, condition_context(found[spec["id"]], trigger)):
        return HttpResponse(status=204)  # Kestra: conditions not met, no execution
    try:
        with transaction.atomic():
            execution = start_execution(flow, found[spec["id"]].flow_labels, spec, trigger, spec.get("inputs"))
    except CANNOT_START as exc:
        return JsonResponse({"message": str(exc)}, status=422)
    return execution, spec, flow


def _ended_answer(execution, spec: dict, flow) -> HttpResponse:
    """The answer once the execution ended: its outputs or its WebhookResponse."""
    context = {**flow_variables(flow), "trigger": (execution.trigger or {}).get("variables") or {},
               "execution": {"id": execution.id, "state": execution.state, "namespace": execution.namespace,
                             "flowId": execution.flow_id}}
    try:
        status = ended_status(spec, execution.state == "FAILED",
                              lambda value: expressions.render_value(value, context))
    except (ExpressionError, ValueError) as exc:
        return answer_by_design(JsonResponse({"message": f"Webhook trigger '{spec['id']}': responseCode: {exc}",
                                              **webhook_response(execution)}, status=500))
    if spec.get("returnOutputs"):
        body, content_type = outputs_body(spec, execution.outputs or {})
        return answer_by_design(HttpResponse(body, content_type=content_type, status=status))
    return answer_by_design(JsonResponse(webhook_response(execution), status=status))


@csrf_exempt
@require_http_methods(["GET", "POST", "PUT"])
async def webhook(request, namespace: str, flow_id: str, key: str, path: str | None = None):
    started = await sync_to_async(_start)(request, namespace, flow_id, key, path)
    if isinstance(started, HttpResponse):
        return started
    execution, spec, flow = started
    if not spec.get("wait"):
        return JsonResponse(webhook_response(execution))
    current, ended = await wait_for_end(execution.id)
    if current is None:
        return _not_found(f"Execution {execution.id} was deleted before it ended")
    if not ended:
        return answer_by_design(JsonResponse({"message": f"Execution {execution.id} did not end within "
                                                         f"{settings.WEBHOOK_WAIT_TIMEOUT:g} s "
                                                         "(KESTRAWEB_WEBHOOK_WAIT_TIMEOUT); it goes on",
                                              **webhook_response(current)}, status=504))
    return await sync_to_async(_ended_answer)(current, spec, flow)
