"""Flows with the NATS Triggers validate under Kestra's names, old and new."""
import pytest

from tests.spec.helpers import errors_of, parse


@pytest.mark.parametrize("type_name", ["io.kestra.plugin.nats.core.Trigger", "io.kestra.plugin.nats.Trigger",
                                       "io.kestra.plugin.nats.core.RealtimeTrigger",
                                       "io.kestra.plugin.nats.RealtimeTrigger"])
def test_a_trigger_with_its_url_from_plugin_defaults_validates(type_name):
    spec = parse(f"""
        id: nats
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{{{ trigger.data }}}}"
        triggers:
          - id: watch
            type: {type_name}
            subject: kestra.trigger
            durableId: natsTrigger
            deliverPolicy: All
        pluginDefaults:
          - type: io.kestra.plugin.nats
            values: {{url: "nats://localhost:4222", username: nats_user, password: secret}}
        """)
    assert spec.triggers[0]["url"] == "nats://localhost:4222"


def test_a_wrong_deliver_policy_is_refused():
    errors = errors_of("""
        id: nats
        namespace: company.team
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: watch
            type: io.kestra.plugin.nats.core.Trigger
            url: nats://localhost:4222
            subject: kestra.trigger
            deliverPolicy: Everything
        """)
    assert [e.path for e in errors] == ["triggers[0].deliverPolicy"]
