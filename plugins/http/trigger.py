"""Kestra's io.kestra.plugin.core.http.Trigger (formerly io.kestra.plugin.fs.http.Trigger):
call an HTTP endpoint every `interval` and start an execution when `responseCondition`,
rendered with the `response`, is true. Every status code reaches the condition (Kestra
sets allowFailed): a 500 is the condition's to judge, not an evaluation failure."""
from __future__ import annotations

from typing import Any

from expressions.truthy import is_truthy
from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.trigger_events import (
    PollingTriggerType,
    TriggerContext,
    TriggerEvent,
    TriggerFailed,
    interval_property,
)

from .encrypted import encrypted_string
from .errors import HttpFailed
from .properties import ENCRYPT_BODY, HTTP_PROPERTIES, nested_problems
from .request import REQUEST_OUTPUTS, perform

DEFAULT_CONDITION = "{{ response.statusCode < 400 }}"


@register
class Trigger(PollingTriggerType):
    type = "io.kestra.plugin.core.http.Trigger"
    aliases = ("io.kestra.plugin.fs.http.Trigger",)
    title = "Trigger a flow based on an HTTP response."
    properties = (
        *HTTP_PROPERTIES, ENCRYPT_BODY, interval_property("PT60S"),
        Property("responseCondition", default=DEFAULT_CONDITION,
                 description="The condition on the HTTP response to trigger a flow: response.statusCode, "
                             "response.body (text) and response.headers can be used. 0, -0, false and blank "
                             "are false."),
        Property("params", "object", description="Declared by Kestra's Trigger, which does not send them; "
                                                 "neither do we (put query parameters in the uri)."),
    )
    outputs = REQUEST_OUTPUTS
    examples = (
        Example("Start a flow when an endpoint answers 200.", full=True, code="""\
id: http_trigger
namespace: company.team

tasks:
  - id: log_response
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.body }}"

triggers:
  - id: http
    type: io.kestra.plugin.core.http.Trigger
    uri: https://api.chucknorris.io/jokes/random
    responseCondition: "{{ response.statusCode == 200 }}"
    interval: PT30S
    stopAfter:
      - SUCCESS
""", services=("internet",)),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return nested_problems(spec)

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        try:
            outputs = perform(ctx, self.spec, allow_failed=True)
        except HttpFailed as exc:
            raise TriggerFailed(str(exc), retryable=exc.retryable) from None
        ctx.logger.debug(f"{outputs['uri']} respond with status code '{outputs['code']}'")
        response = {"statusCode": outputs["code"], "body": outputs["body"], "headers": outputs["headers"]}
        condition = ctx.render(self.get("responseCondition"), {"response": response})
        if not is_truthy(condition):
            return None
        if ctx.render(self.get("encryptBody")) in (True, "true"):
            outputs["encryptedBody"] = encrypted_string(outputs.pop("body"))
        variables: dict[str, Any] = {name: value for name, value in outputs.items() if value is not None}
        return TriggerEvent(variables)
