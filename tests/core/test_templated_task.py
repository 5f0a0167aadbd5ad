"""TemplatedTask as Kestra's io.kestra.plugin.core.templating.TemplatedTask: the spec is
rendered, then run as the task it names with that task's outputs; a TemplatedTask or a
flowable inside is refused, and so is a property the task does not have or a value not
of its declared kind. The task reads its properties as their declared kinds, as Kestra's
deserialization into the task class reads them."""
import json

import pytest

from tests.core.storage_flows import read_stored, with_files
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
    ("type: io.kestra.plugin.core.kv.Get\nkey: k\nerrorOnMissing: maybe",
     "Invalid property 'errorOnMissing' of the templated task io.kestra.plugin.core.kv.Get: "
     "must be true or false, not 'maybe'"),
    # A value only the task's own reading renders is read as its kind then, as on the normal path.
    ("type: io.kestra.plugin.core.kv.Get\nkey: k\nerrorOnMissing: \"{{ '{{ 1 + 1 }}' }}\"",
     "Invalid property 'errorOnMissing' of task 'templated': must be true or false, not '2'"),
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


def test_properties_rendered_as_text_are_read_as_their_declared_kinds():
    # The spec renders `rows: "2"` and `errorOnMissing: "false"`: text, read as 2 and false.
    run = run_flow(with_files("templated_kinds", {"data.csv": "a\nb\nc"}, """
        - id: split
          type: io.kestra.plugin.core.templating.TemplatedTask
          spec: |
            type: io.kestra.plugin.core.storage.Split
            from: "{{ outputs.files.uris['data.csv'] }}"
            rows: "{{ 1 + 1 }}"
        - id: get
          type: io.kestra.plugin.core.templating.TemplatedTask
          spec: |
            type: io.kestra.plugin.core.kv.Get
            key: never_set
            errorOnMissing: "{{ 1 > 2 }}"
    """))
    assert run.state == "SUCCESS", run.logs()
    assert [read_stored(uri) for uri in run.one("split").outputs["uris"]] == ["a\nb\n", "c\n"]
