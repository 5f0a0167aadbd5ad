import pytest

from executions.models import Execution
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_subflow_per_batch_of_lines(tmp_path):
    save("""
        id: batch
        namespace: tests.items
        inputs:
          - id: items
            type: STRING
        tasks:
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ read(inputs.items) | trim }}"
    """)
    data = tmp_path / "rows.txt"
    data.write_text("a\nb\nc\nd\ne\n")
    run = run_flow("""
        id: split
        namespace: tests.items
        inputs:
          - id: file
            type: FILE
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.file }}"
            batch:
              rows: 2
            namespace: tests.items
            flowId: batch
            inputs:
              items: "{{ taskrun.items }}"
    """, {"file": str(data)})
    assert run.state == "SUCCESS", run.logs()
    assert run.one("each").outputs == {"numberOfBatches": 3, "iterations": {"SUCCESS": 3}}
    children = Execution.objects.filter(parent_id=run.execution.id)
    reads = sorted(c.taskruns.get(task_id="read").outputs["value"] for c in children)
    assert reads == ["a\nb", "c\nd", "e"]
