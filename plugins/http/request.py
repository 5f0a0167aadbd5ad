"""Kestra's io.kestra.plugin.core.http.Request (formerly io.kestra.plugin.fs.http.Request):
one HTTP call whose response body becomes the task's `body` output."""
from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from plugins.api.properties import Example, Output
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .client import exchange, headers_output
from .encrypted import encrypted_string
from .errors import HttpFailed
from .options import read_options
from .outgoing import build
from .properties import ENCRYPT_BODY, HTTP_PROPERTIES, nested_problems

# The setting of the most bytes a Request keeps as its `body` output (kestraweb/settings.py).
MAX_BODY_SETTING = "HTTP_REQUEST_MAX_BODY"

REQUEST_OUTPUTS = (
    Output("uri", "string", "The URL of the request."),
    Output("code", "integer", "The status code of the response."),
    Output("headers", "object", "The headers of the response: each name with the list of its values."),
    Output("body", "any", "The body of the response, as text (absent with encryptBody)."),
    Output("encryptedBody", "object", "The encrypted body of the response, with encryptBody."),
    Output("formData", "object", "Declared by Kestra's Request output; Kestra never fills it, nor do we."),
)


def max_body_bytes() -> int:
    # read when a request runs: the limit may change under a test
    from django.conf import settings
    return int(getattr(settings, MAX_BODY_SETTING))


def perform(ctx: Any, spec: dict[str, Any], *, allow_failed: bool | None = None,
            cancellation: Any = None) -> dict[str, Any]:
    """Send the request of `spec` and read its whole body (bounded): Request's outputs,
    the body still in clear (encryption is the caller's choice). Shared with the Trigger,
    whose context has no storage to read files from nor a cancellation."""
    options = read_options(ctx.render, spec, allow_failed)
    with ExitStack() as files:
        outgoing = build(ctx.render, spec, options, files, getattr(ctx, "open_file", None))
        with exchange(outgoing, options, ctx.logger, cancellation) as response:
            content = _bounded_body(response, outgoing.url)
            body = content.decode("utf-8", errors="replace") if content else None
            if "RESPONSE_BODY" in options.logs:
                ctx.logger.info(f"Response {response.status_code} body:\n{body or ''}")
            return {"uri": outgoing.url, "code": response.status_code, "headers": headers_output(response),
                    "body": body}


def _bounded_body(response: Any, url: str) -> bytes:
    limit = max_body_bytes()
    content = bytearray()
    for chunk in response.iter_bytes():
        content += chunk
        if len(content) > limit:
            raise HttpFailed(f"{url}: the response body is over {limit} bytes (setting KESTRAWEB_{MAX_BODY_SETTING}); "
                             f"io.kestra.plugin.core.http.Download stores a body of any size")
    return bytes(content)


@register
class Request(RunnableTask):
    type = "io.kestra.plugin.core.http.Request"
    aliases = ("io.kestra.plugin.fs.http.Request",)
    title = "Make an HTTP API request to a specified URL and store the response as an output."
    description = ("The response body becomes the `body` output (text, at most 10 MB by default: setting "
                   "KESTRAWEB_HTTP_REQUEST_MAX_BODY); a large payload is for the Download task.")
    properties = (*HTTP_PROPERTIES, ENCRYPT_BODY)
    outputs = REQUEST_OUTPUTS
    examples = (
        Example("Call an API with basic authentication and multipart form data.", full=True, code="""\
id: api_call
namespace: company.team

tasks:
  - id: basic_auth_api
    type: io.kestra.plugin.core.http.Request
    uri: https://httpbin.org/post
    method: POST
    contentType: multipart/form-data
    formData:
      user: John Doe
    options:
      auth:
        type: BASIC
        username: "{{ secret('API_USERNAME') }}"
        password: "{{ secret('API_PASSWORD') }}"
""", services=("internet",)),
        Example("Send a JSON payload and log the answer.", full=True, code="""\
id: http_post_request_example
namespace: company.team

inputs:
  - id: payload
    type: JSON
    defaults: |
      {"title": "Kestra Pen"}

tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://dummyjson.com/products/add
    method: POST
    contentType: application/json
    body: "{{ inputs.payload }}"
    options:
      timeout:
        connectTimeout: PT10S
        readIdleTimeout: PT30S
      allowedResponseCodes: [200, 201]

  - id: print_status
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.send_data.body }}"
""", services=("internet",)),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return nested_problems(spec)

    def run(self, ctx: Any) -> dict[str, Any]:
        outputs = perform(ctx, self.spec, cancellation=ctx.cancellation)
        if ctx.render(self.get("encryptBody")) in (True, "true"):
            outputs["encryptedBody"] = encrypted_string(outputs.pop("body"))
        return {name: value for name, value in outputs.items() if value is not None}
