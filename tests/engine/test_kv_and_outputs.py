import pytest

from executions.models import KVEntry
from tests.flow_runs import run_flow, user_labels

pytestmark = pytest.mark.django_db(transaction=True)


def test_kv_set_get_delete_and_flow_outputs():
    run = run_flow("""
        id: kv
        namespace: tests.engine
        tasks:
          - id: put
            type: io.kestra.plugin.core.kv.Set
            key: counter
            value: 41
          - id: get
            type: io.kestra.plugin.core.kv.Get
            key: counter
          - id: drop
            type: io.kestra.plugin.core.kv.Delete
            key: counter
          - id: missing
            type: io.kestra.plugin.core.debug.Return
            format: "{{ kv('counter', errorOnMissing=false) ?? 'gone' }}"
        outputs:
          - id: answer
            type: INT
            value: "{{ outputs.get.value + 1 }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("get").outputs == {"value": 41}
    assert run.one("drop").outputs == {"deleted": True}
    assert run.one("missing").outputs == {"value": "gone"}
    assert run.execution.outputs == {"answer": 42}
    assert not KVEntry.objects.exists()


def test_the_labels_task_adds_labels_to_the_execution():
    run = run_flow("""
        id: labels
        namespace: tests.engine
        labels:
          team: data
        tasks:
          - id: tag
            type: io.kestra.plugin.core.execution.Labels
            labels:
              stage: "{{ flow.id }}"
          - id: read
            type: io.kestra.plugin.core.debug.Echo
            format: "{{ labels.stage }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert user_labels(run.execution.labels) == [{"key": "team", "value": "data"}, {"key": "stage", "value": "labels"}]
    assert run.logs() == ["labels"]
