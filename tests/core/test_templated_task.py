"""TemplatedTask as Kestra's io.kestra.plugin.core.templating.TemplatedTask: the spec is
rendered, then run as the task it names with that task's outputs; a TemplatedTask or a
flowable inside is refused, and so is a property the task does not have."""
import json

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_rendered_spec_runs_with_its_outputs_and_logs():
    run = run_flow("""
        id: templated
        namespace: tests.templating
        inputs:
          - id: property
            type: STRING
            defaults: values
        tasks:
          - id: templated
            type: io.kestra.core.tasks.templating.TemplatedTask
            spec: |
              type: io.kestra.plugin.core.output.OutputValues
              {{ inputs.property }}:
                answer: "{{ '{{ 40 + 2 }}' }}"
          - id: log
            type: io.kestra.plugin.core.templating.TemplatedTask
            spec: |
              type: io.kestra.plugin.core.log.Log
              message: "said {{ outputs.templated['values'].answer }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("templated").outputs == {"values": {"answer": "42"}}
    assert "said 42" in run.logs()


@pytest.mark.parametrize("spec, message", [
    ("type: io.kestra.plugin.core.templating.TemplatedTask\nspec: x",
     "The templated task cannot be of type 'io.kestra.plugin.core.templating.TemplatedTask'"),
    ("type: io.kestra.plugin.core.flow.Sequential\ntasks: []",
     "The templated task must be a runnable task, not 'io.kestra.plugin.core.flow.Sequential'"),
    ("type: io.kestra.plugin.core.log.Log\nmessage: hi\ncolour: red",
     "The templated task io.kestra.plugin.core.log.Log has no property 'colour'"),
])
def test_what_cannot_run_is_refused(spec, message):
    run = run_flow(f"""
        id: templated_bad
        namespace: tests.templating
        tasks:
          - id: templated
            type: io.kestra.plugin.core.templating.TemplatedTask
            spec: {json.dumps(spec)}
    """)
    assert run.state == "FAILED"
    assert message in run.logs()
