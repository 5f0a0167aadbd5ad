"""io.kestra.plugin.core.http.Trigger: each poll calls the endpoint and starts an
execution when `responseCondition` holds (default: a code below 400); every code
reaches the condition, as Kestra's Trigger sets allowFailed. A server that cannot be
reached fails the evaluation, retryable."""
import json

import pytest

from plugins.api.trigger_events import TriggerFailed
from plugins.http.trigger import Trigger

pytestmark = pytest.mark.django_db(transaction=True)  # the trigger context stores files, reads settings


def trigger(**spec) -> Trigger:
    return Trigger({"id": "watch", "type": Trigger.type, **spec})


def test_a_200_starts_an_execution_with_the_response_as_trigger_variables(http_server, trigger_ctx):
    event = trigger(uri=http_server.url("/json")).poll(trigger_ctx())
    assert event is not None
    assert event.variables["code"] == 200 and json.loads(event.variables["body"]) == {"hello": "world"}
    assert event.variables["uri"] == http_server.url("/json")
    assert event.variables["headers"]["X-Trace"] == ["a"]


def test_a_500_does_not_fail_the_poll_and_the_default_condition_says_no(http_server, trigger_ctx):
    assert trigger(uri=http_server.url("/status/500")).poll(trigger_ctx()) is None


def test_the_condition_sees_the_status_body_and_headers(http_server, trigger_ctx):
    on_500 = trigger(uri=http_server.url("/status/500"), responseCondition="{{ response.statusCode == 500 }}")
    assert on_500.poll(trigger_ctx()).variables["body"] == "status 500 body"
    by_body = trigger(uri=http_server.url("/json"),
                      responseCondition="{{ json(response.body).hello == 'nobody' }}")
    assert by_body.poll(trigger_ctx()) is None
    by_header = trigger(uri=http_server.url("/json"),
                        responseCondition="{{ response.headers['X-Trace'][0] == 'a' }}")
    assert by_header.poll(trigger_ctx()) is not None


def test_properties_render_with_the_flow_variables_and_secrets(http_server, trigger_ctx):
    ctx = trigger_ctx(secrets={"TOKEN": "abc"})
    watch = trigger(uri=http_server.url("/echo?from={{ flow.id }}"), method="POST", body="hi",
                    options={"auth": {"type": "BEARER", "token": "{{ secret('TOKEN') }}"}})
    assert watch.poll(ctx) is not None
    received = http_server.last()
    assert received.path == "/echo?from=flow" and received.body == b"hi"
    assert received.headers["Authorization"] == "Bearer abc"


def test_an_unreachable_server_fails_the_evaluation_retryable(trigger_ctx):
    with pytest.raises(TriggerFailed, match="127.0.0.1:1") as failed:
        trigger(uri="http://127.0.0.1:1/").poll(trigger_ctx())
    assert failed.value.retryable


def test_a_missing_httpx_fails_the_evaluation_by_name(monkeypatch, trigger_ctx):
    monkeypatch.setitem(__import__("sys").modules, "httpx", None)  # what Python does for a package not installed
    with pytest.raises(TriggerFailed, match="the httpx package is not installed"):
        trigger(uri="http://127.0.0.1:1/").poll(trigger_ctx())
