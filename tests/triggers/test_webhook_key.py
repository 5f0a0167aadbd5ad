"""Finding a flow's Webhook by key and its `trigger` variables, as Kestra's
ExecutionController#webhook and Webhook#evaluate do."""
from expressions import render

from plugins.core.trigger.webhook import find_webhook, trigger_variables

TRIGGERS = [
    {"id": "daily", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "@daily"},
    {"id": "off", "type": "io.kestra.plugin.core.trigger.Webhook", "key": "secret", "disabled": True},
    {"id": "broken", "type": "io.kestra.plugin.core.trigger.Webhook", "key": "{{ nope.nothing }}"},
    {"id": "hook", "type": "io.kestra.core.models.triggers.types.Webhook", "key": " {{ flow.id }}-key "},
]


def rendering(template):
    return render(template, {"flow": {"id": "orders"}})


def test_it_finds_the_webhook_whose_rendered_key_matches():
    assert find_webhook(TRIGGERS, "orders-key", rendering)["id"] == "hook"


def test_a_wrong_key_or_a_disabled_webhook_finds_nothing():
    assert find_webhook(TRIGGERS, "wrong", rendering) is None
    assert find_webhook(TRIGGERS, "secret", rendering) is None


def test_the_body_is_json_when_it_parses_and_text_otherwise():
    headers, params = {"X-Id": ["1"]}, {"a": ["1", "2"]}
    assert trigger_variables('{"n": 1}', headers, params) == {"body": {"n": 1}, "headers": headers,
                                                             "parameters": params}
    assert trigger_variables("[1, 2]", {}, {})["body"] == [1, 2]
    assert trigger_variables("plain", {}, {})["body"] == "plain"
    assert trigger_variables("42", {}, {})["body"] == "42"
