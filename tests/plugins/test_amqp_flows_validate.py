"""Flows with the AMQP Triggers validate as Kestra's would: host or the deprecated
url, not both; pluginDefaults may bring the connection."""
from tests.spec.helpers import errors_of, parse

HEAD = """
id: amqp
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.data }}"
"""


def test_a_trigger_with_its_connection_from_plugin_defaults_validates():
    spec = parse(HEAD + """
triggers:
  - id: batch
    type: io.kestra.plugin.amqp.Trigger
    queue: orders
    maxRecords: 2
  - id: live
    type: io.kestra.plugin.amqp.RealtimeTrigger
    queue: orders
pluginDefaults:
  - type: io.kestra.plugin.amqp
    values: {host: localhost, port: 5672, username: guest, password: guest, virtualHost: /}
""")
    assert [t["host"] for t in spec.triggers] == ["localhost", "localhost"]


def test_url_and_host_together_or_neither_are_refused():
    errors = errors_of(HEAD + """
triggers:
  - id: both
    type: io.kestra.plugin.amqp.Trigger
    url: amqp://guest:guest@localhost:5672/
    host: localhost
    queue: orders
  - id: none
    type: io.kestra.plugin.amqp.RealtimeTrigger
    queue: orders
""")
    assert sorted(e.path for e in errors) == ["triggers[0].url", "triggers[1].host"]
