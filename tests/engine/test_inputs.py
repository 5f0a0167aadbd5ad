import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from flows.spec import InputInvalid
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: typed
    namespace: tests.engine
    inputs:
      - id: count
        type: INT
      - id: when
        type: DATETIME
        required: false
      - id: payload
        type: JSON
        defaults: '{"a": [1, 2]}'
    tasks:
      - id: out
        type: io.kestra.plugin.core.debug.Return
        format: "{{ inputs.count * 2 }} {{ inputs.payload.a[1] }}"
"""


def test_typed_inputs_reach_expressions():
    run = run_flow(FLOW, {"count": "21"})
    assert run.one("out").outputs == {"value": "42 2"}
    assert run.execution.inputs["count"] == 21


def test_a_bad_input_names_the_input_and_creates_nothing():
    flow = save(FLOW)
    with pytest.raises(InputInvalid) as error:
        create_execution(flow, {"count": "many"})
    assert "count" in str(error.value)
    assert not Execution.objects.exists()


def test_dotted_input_ids_read_as_nested_maps_and_depends_on_conditions_apply():
    run = run_flow("""
        id: dotted
        namespace: tests.engine
        inputs:
          - id: db.host
            type: STRING
          - id: mode
            type: ENUM
            values: [local, remote]
          - id: remote.url
            type: URI
            dependsOn:
              inputs: [mode]
              condition: "{{ inputs.mode == 'remote' }}"
        tasks:
          - id: out
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.db.host }} {{ inputs['db.host'] }}"
    """, {"db.host": "pg", "mode": "local"})
    assert run.state == "SUCCESS", run.logs()
    assert run.one("out").outputs == {"value": "pg pg"}
