"""KV Set, Get and Delete as Kestra's tasks behave: a lone expression keeps its type
(renderTyped), kvType converts text, keys follow Kestra's key rule, and the failures
say what Kestra says."""
import pytest

from executions.models import KVEntry
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _stored(key):
    return KVEntry.objects.get(namespace="tests.core", key=key).value


def test_a_lone_expression_keeps_its_type():
    run = run_flow("""
        id: typed
        namespace: tests.core
        tasks:
          - id: vals
            type: io.kestra.plugin.core.output.OutputValues
            values:
              m: {a: 1}
          - id: map
            type: io.kestra.plugin.core.kv.Set
            key: map
            value: "{{ outputs.vals.values.m }}"
          - id: number
            type: io.kestra.plugin.core.kv.Set
            key: number
            value: "{{ 40 + 2 }}"
          - id: text
            type: io.kestra.plugin.core.kv.Set
            key: text
            value: "n-{{ 40 + 2 }}"
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ kv('map').a }} {{ kv('number') + 1 }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert _stored("map") == {"a": 1}
    assert _stored("number") == 42
    assert _stored("text") == "n-42"
    assert run.one("read").outputs == {"value": "1 43"}


def test_kv_type_converts_and_refuses_bad_text():
    run = run_flow("""
        id: kvtype
        namespace: tests.core
        tasks:
          - id: num
            type: io.kestra.plugin.core.kv.Set
            key: num
            value: "2.5"
            kvType: NUMBER
          - id: flag
            type: io.kestra.plugin.core.kv.Set
            key: flag
            value: "TRUE"
            kvType: BOOLEAN
          - id: bad
            type: io.kestra.plugin.core.kv.Set
            key: bad
            value: "abc"
            kvType: NUMBER
    """)
    assert run.state == "FAILED"
    assert _stored("num") == 2.5
    assert _stored("flag") is True
    assert not KVEntry.objects.filter(key="bad").exists()
    assert any("'abc' is not a valid NUMBER" in line for line in run.logs())


def test_it_refuses_a_key_kestra_refuses():
    run = run_flow("""
        id: badkey
        namespace: tests.core
        tasks:
          - id: set
            type: io.kestra.plugin.core.kv.Set
            key: "bad key/x"
            value: v
    """)
    assert run.state == "FAILED"
    assert not KVEntry.objects.exists()
    assert run.logs()[0].startswith("Key must start with an alphanumeric character")


def test_failures_use_kestras_messages():
    run = run_flow("""
        id: messages
        namespace: tests.core
        tasks:
          - id: first
            type: io.kestra.plugin.core.kv.Set
            key: k
            value: one
          - id: again
            type: io.kestra.plugin.core.kv.Set
            key: k
            value: two
            overwrite: false
            allowFailure: true
          - id: get
            type: io.kestra.plugin.core.kv.Get
            key: missing
            errorOnMissing: true
            allowFailure: true
          - id: delete
            type: io.kestra.plugin.core.kv.Delete
            key: missing
            errorOnMissing: true
            allowFailure: true
    """)
    assert run.state == "WARNING"
    assert _stored("k") == "one"
    assert run.logs() == [
        "Cannot set value for key 'k'. Key already exists and `overwrite` is set to `false`.",
        "No value found for key 'missing' in namespace 'tests.core' and `errorOnMissing` is set to true",
        "No value found for key 'missing' in namespace 'tests.core' and `errorOnMissing` is set to true",
    ]


def test_kv_type_datetime_keeps_an_instant_in_utc_and_refuses_other_text():
    """Kestra's Set with `kvType: DATETIME` stores an Instant: an offset is moved to UTC, a
    text that is no ISO-8601 date and time fails the task and stores nothing."""
    run = run_flow("""
        id: kvdatetime
        namespace: tests.core
        tasks:
          - id: when
            type: io.kestra.plugin.core.kv.Set
            key: when
            value: "2024-01-31T10:00:00.500+02:00"
            kvType: DATETIME
          - id: bad
            type: io.kestra.plugin.core.kv.Set
            key: bad
            value: "next tuesday"
            kvType: DATETIME
    """)
    assert run.state == "FAILED"
    assert _stored("when") == "2024-01-31T08:00:00.500Z"
    assert not KVEntry.objects.filter(key="bad").exists()
    assert any("'next tuesday' is not a valid DATETIME" in line for line in run.logs())
