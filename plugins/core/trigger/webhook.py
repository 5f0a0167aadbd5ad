"""Kestra's Webhook trigger: starts an execution on a request to
/api/v1/{tenant}/executions/webhook/{namespace}/{flowId}/{key}. The web view finds the
trigger with `find_webhook` and builds the execution's `trigger` variables with
`trigger_variables`."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from expressions import ExpressionError
from plugins.api import registry
from plugins.api.condition import ConditionContext, ConditionError, all_hold
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.trigger import TriggerType, common_trigger_problems

KEY_MAX_LENGTH = 256  # Kestra's @Size(max = 256)
MULTIPLE_CONDITION = "io.kestra.plugin.core.condition.MultipleCondition"
TEXT_PLAIN = "text/plain"


@register
class Webhook(TriggerType):
    type = "io.kestra.plugin.core.trigger.Webhook"
    aliases = ("io.kestra.core.models.triggers.types.Webhook",)
    title = "Trigger a flow from a webhook."
    examples = (Example("Start an execution on POST /api/v1/executions/webhook/{namespace}/{flowId}/{key}", """\
id: hook
type: io.kestra.plugin.core.trigger.Webhook
key: "4wjtkzwVGBM9yKnjm3yv8r"
"""),)
    properties = (
        Property("key", required=True,
                 description="The secret part of the webhook URL (at most 256 characters); may be an expression."),
        # Newer Kestra releases (0.22 on) add these; flows written for them must validate.
        Property("wait", "boolean", default=False, dynamic=False,
                 description="The request is answered once the execution ended."),
        Property("returnOutputs", "boolean", default=False, dynamic=False,
                 description="With wait, the answer carries the execution's outputs."),
        Property("responseContentType", dynamic=False,
                 description="With wait and returnOutputs: `text/plain` answers the outputs as text "
                             "(`application/json` by default)."),
        Property("responseCode", "integer",
                 description="With wait: the HTTP status of the answer (500 for a FAILED execution, 200 "
                             "otherwise, by default); may be an expression."),
        Property("inputs", "object", description="Inputs of the executions it starts; may use {{ trigger.body }}."),
    )
    outputs = (
        Output("body", "any", "The request body: a map or a list when it is JSON, the text otherwise."),
        Output("headers", "object", "The request headers, each a list of values."),
        Output("parameters", "object", "The query parameters, each a list of values."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """Kestra's WebhookValidator and @Size: no MultipleCondition, a key of 256
        characters at most."""
        problems = common_trigger_problems(spec)
        key = spec.get("key")
        if isinstance(key, str) and len(key) > KEY_MAX_LENGTH:
            problems.append(("key", f"must be at most {KEY_MAX_LENGTH} characters, not {len(key)}"))
        multiple = registry.resolve_condition(MULTIPLE_CONDITION)
        for index, condition in enumerate(spec.get("conditions") or ()):
            if isinstance(condition, dict) and registry.resolve_condition(str(condition.get("type"))) is multiple:
                problems.append((f"conditions[{index}]",
                                 "invalid webhook: conditions of type MultipleCondition are not supported"))
        return problems


def find_webhook(triggers: Iterable[dict[str, Any]], key: str, render: Callable[[str], str]) -> dict[str, Any] | None:
    """The first enabled Webhook trigger whose rendered key (trimmed) is `key`; one whose
    key cannot be rendered is passed over, as Kestra's ExecutionController does."""
    for spec in triggers or ():
        if registry.resolve_trigger(str(spec.get("type"))) is not Webhook or spec.get("disabled") is True:
            continue
        try:
            rendered = str(render(str(spec.get("key")))).strip()
        except ExpressionError:
            continue
        if rendered == key:
            return spec
    return None


def conditions_hold(spec: dict[str, Any], context: ConditionContext) -> bool:
    """The trigger's `conditions` all hold for the request (its `trigger` variables in
    the context); one that cannot be evaluated does not, as Kestra's ConditionService
    refuses it."""
    try:
        return all_hold(spec.get("conditions"), context)
    except ConditionError:
        return False


def parsed_body(body: str | None) -> Any:
    """Webhook#evaluate: a JSON object, else a JSON array, else the text as it is."""
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return body
    return value if isinstance(value, (dict, list)) else body


def trigger_variables(body: str | None, headers: dict[str, list[str]],
                      parameters: dict[str, list[str]]) -> dict[str, Any]:
    """The `trigger` variables of a webhook execution (Webhook.Output)."""
    return {"body": parsed_body(body), "headers": headers, "parameters": parameters}



def ended_status(spec: dict[str, Any], failed: bool, render: Callable[[object], object]) -> int:
    """The HTTP status of the answer once the execution ended (Webhook#evaluate): the
    rendered `responseCode` when set, else 500 for a FAILED execution and 200 otherwise.
    Raises ExpressionError, or ValueError for a code that is no HTTP status."""
    if spec.get("responseCode") is None:
        return 500 if failed else 200
    code = render(spec["responseCode"])
    try:
        status = int(str(code).strip())
    except ValueError:
        raise ValueError(f"responseCode must be an HTTP status, not {code!r}") from None
    if not 100 <= status <= 599:
        raise ValueError(f"responseCode must be an HTTP status, not {status}")
    return status


def outputs_body(spec: dict[str, Any], outputs: dict[str, Any]) -> tuple[str, str]:
    """The outputs as the answer's body and content type: JSON, or text when
    `responseContentType` is text/plain (a text output as it is, anything else as JSON)."""
    if spec.get("responseContentType") == TEXT_PLAIN:
        return (outputs if isinstance(outputs, str) else json.dumps(outputs, separators=(",", ":"))), TEXT_PLAIN
    return json.dumps(outputs), "application/json"
