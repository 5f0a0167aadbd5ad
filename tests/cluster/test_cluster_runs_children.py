"""Subflow and ForEachItem children are executions the cluster runs too: starting one
queues its `advance`, and its end queues its parent's, as Kestra's executor receives a
SubflowExecutionResult for the parent's task (ExecutorService / SubflowExecutionResult)."""
import textwrap

import pytest

from executions.models import Execution
from flows.services import save_flow
from tests.cluster.cluster_process import attempts_by_task, running_cluster, start, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
id: child
namespace: tests.cluster
inputs:
  - id: items
    type: STRING
    defaults: none
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT0.2S
  - id: read
    type: io.kestra.plugin.core.debug.Return
    format: "{{ inputs.items == 'none' ? 'none' : (read(inputs.items) | trim) }}"
outputs:
  - id: said
    type: STRING
    value: "{{ outputs.read.value }}"
"""

PARENT = """
id: parent
namespace: tests.cluster
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: tests.cluster
    flowId: child
  - id: after
    type: io.kestra.plugin.core.debug.Return
    format: "child said {{ outputs.call.outputs.said }}"
"""

SPLITTER = """
id: splitter
namespace: tests.cluster
inputs:
  - id: file
    type: FILE
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEachItem
    items: "{{ inputs.file }}"
    batch:
      rows: 2
    namespace: tests.cluster
    flowId: child
    inputs:
      items: "{{ taskrun.items }}"
"""


def test_the_cluster_runs_a_subflow_and_resumes_its_parent(tmp_path, broker):
    save_flow(textwrap.dedent(CHILD))
    with running_cluster(tmp_path, broker) as proc:
        parent_id = start(PARENT, tmp_path, broker)
        parent = wait_for_end(parent_id, proc, tmp_path)
    child = Execution.objects.get(parent_id=parent_id)
    assert (parent.state, child.state) == ("SUCCESS", "SUCCESS")
    assert parent.taskruns.get(task_id="after").outputs["value"] == "child said none"
    assert attempts_by_task(child.id) == {"nap": [1], "read": [1]}


def test_the_cluster_runs_every_for_each_item_child(tmp_path, broker):
    save_flow(textwrap.dedent(CHILD))
    rows = tmp_path / "rows.txt"
    rows.write_text("a\nb\nc\nd\ne\n")
    with running_cluster(tmp_path, broker) as proc:
        parent_id = start(SPLITTER, tmp_path, broker, inputs={"file": str(rows)})
        parent = wait_for_end(parent_id, proc, tmp_path)
    assert parent.state == "SUCCESS"
    children = Execution.objects.filter(parent_id=parent_id)
    assert sorted(c.taskruns.get(task_id="read").outputs["value"] for c in children) == ["a\nb", "c\nd", "e"]
    assert all(attempts_by_task(c.id) == {"nap": [1], "read": [1]} for c in children)
    assert parent.taskruns.get(task_id="each_items").outputs["iterations"]["SUCCESS"] == 3
