import pytest

from executions.models import KVEntry
from tests.flow_runs import run_flow

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
