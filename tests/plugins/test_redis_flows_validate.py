"""Flows with the Redis list Triggers validate under Kestra's names, old and new, with
pluginDefaults bringing the url."""
import pytest

from tests.spec.helpers import errors_of, parse


@pytest.mark.parametrize("type_name", ["io.kestra.plugin.redis.list.Trigger", "io.kestra.plugin.redis.TriggerList",
                                       "io.kestra.plugin.redis.list.RealtimeTrigger"])
def test_a_list_trigger_validates_with_its_url_from_plugin_defaults(type_name):
    spec = parse(f"""
        id: list_listen
        namespace: company.team
        tasks:
          - id: echo
            type: io.kestra.plugin.core.log.Log
            message: "{{{{ trigger.uri ?? trigger.value }}}}"
        triggers:
          - id: watch
            type: {type_name}
            key: mytriggerkey
            serdeType: JSON
        pluginDefaults:
          - type: io.kestra.plugin.redis
            values:
              url: redis://localhost:6379/0
        """)
    assert spec.triggers[0]["url"] == "redis://localhost:6379/0"


def test_a_realtime_trigger_has_no_interval_nor_max_records():
    errors = errors_of("""
        id: list_listen
        namespace: company.team
        tasks:
          - id: echo
            type: io.kestra.plugin.core.log.Log
            message: hi
        triggers:
          - id: watch
            type: io.kestra.plugin.redis.list.RealtimeTrigger
            url: redis://localhost:6379/0
            key: k
            maxRecords: 2
            serdeType: XML
        """)
    assert sorted(e.path for e in errors) == ["triggers[0].maxRecords", "triggers[0].serdeType"]
