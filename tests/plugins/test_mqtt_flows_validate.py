"""Flows with the MQTT Triggers validate with Kestra's properties and defaults."""
from tests.spec.helpers import errors_of, parse

FLOW = """
id: mqtt
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.payload ?? trigger.uri }}"
triggers:
  - id: batch
    type: io.kestra.plugin.mqtt.Trigger
    topic: [kestra/sensors/cpu, kestra/sensors/mem]
    maxRecords: 10
  - id: live
    type: io.kestra.plugin.mqtt.RealtimeTrigger
    topic: kestra/sensors/cpu
    qos: 1
pluginDefaults:
  - type: io.kestra.plugin.mqtt
    values: {server: "tcp://localhost:1883", clientId: kestraProducer, serdeType: JSON}
"""


def test_triggers_with_their_server_from_plugin_defaults_validate():
    spec = parse(FLOW)
    assert [t["server"] for t in spec.triggers] == ["tcp://localhost:1883"] * 2


def test_a_wrong_version_and_a_realtime_interval_are_refused():
    errors = errors_of(FLOW.replace("qos: 1", "qos: 1\n    interval: PT1M\n    mqttVersion: V4"))
    assert sorted(e.path for e in errors) == ["triggers[1].interval", "triggers[1].mqttVersion"]
