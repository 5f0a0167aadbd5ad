"""Kestra's official client (kestrapy 2.0.x) drives executions on a real cluster
process as users do (../shared/api-contract.md §3.2, §3.3): create_execution with
inputs (a file too), labels and wait=True; execution; search_executions(_by_flow_id);
follow_execution; kill, restart, replay, replay_with_inputs, resume,
set_labels_on_terminated_execution; the outputs methods."""
import pytest

from executions.models import Execution, KVEntry
from flows.services import save_flow
from tests.cluster.cluster_process import Broker, running_cluster, wait_for

pytestmark = pytest.mark.django_db(transaction=True)
NS = "tests.kestrapy"

GREET = f"""
id: greet
namespace: {NS}
inputs:
  - id: name
    type: STRING
  - id: doc
    type: FILE
tasks:
  - id: read
    type: io.kestra.plugin.core.debug.Return
    format: "{{{{ inputs.name }}}} {{{{ read(inputs.doc) }}}}"
outputs:
  - id: greeting
    type: STRING
    value: "{{{{ outputs.read.value }}}}"
"""
FLAKY = f"""
id: flaky
namespace: {NS}
inputs:
  - id: who
    type: STRING
    defaults: world
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{{{ inputs.who }}}}"
  - id: gate
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{{{ kv('ready', errorOnMissing=false) is null }}}}"
"""
SLOW = f"""
id: slow
namespace: {NS}
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT{{seconds}}S
"""
PAUSING = f"""
id: pausing
namespace: {NS}
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    onResume:
      - id: approved
        type: BOOL
  - id: after
    type: io.kestra.plugin.core.debug.Return
    format: "approved={{{{ outputs.wait.onResume.approved }}}}"
"""


@pytest.fixture
def cluster(tmp_path):
    with running_cluster(tmp_path, Broker("orm")) as proc:
        yield proc, tmp_path


def ended(execution_id, cluster):
    proc, data_dir = cluster
    wait_for(lambda: Execution.objects.get(pk=execution_id).is_terminal, f"{execution_id} ended", proc, data_dir)
    return Execution.objects.get(pk=execution_id)


def test_create_wait_read_search_follow_and_outputs(kestra_client, cluster):
    save_flow(GREET)
    api = kestra_client.executions
    created = api.create_execution("main", NS, "greet", labels=["env:ci"], wait=True,
                                   inputs={"name": "Ada", "doc": ("doc.txt", b"from a file")})
    assert str(created.state.current.value if hasattr(created.state.current, "value") else created.state.current) \
        == "SUCCESS"
    assert created.url.endswith(created.id)
    execution = api.execution(created.id, "main")
    assert execution.flow_id == "greet" and execution.namespace == NS and execution.original_id == created.id
    assert any(label.key == "env" and label.value == "ci" for label in execution.labels)
    assert [tr.task_id for tr in execution.task_run_list] == ["read"]

    found = api.search_executions("main", filters=[{"field": "labels", "operation": "EQUALS", "value": {"env": "ci"}}])
    assert [row["id"] for row in found["results"]] == [created.id] and found["total"] == 1
    by_flow = api.search_executions_by_flow_id("main", NS, "greet")
    assert [row["id"] for row in by_flow["results"]] == [created.id]

    events = list(api.follow_execution(created.id, "main"))
    assert [e.id for e in events] == [created.id]  # an ended execution: one event

    outputs = kestra_client.outputs
    assert outputs.execution_outputs(created.id, "main") == {"greeting": "Ada from a file"}
    info = outputs.task_outputs_information(created.id, "main")
    taskrun_id = info[0]["taskRunId"] if isinstance(info[0], dict) else info[0].task_run_id
    assert outputs.task_run_outputs(created.id, taskrun_id, "main") == {"value": "Ada from a file"}
    from kestrapy.exceptions import NotFoundException
    with pytest.raises(NotFoundException):
        outputs.task_run_outputs(created.id, "nope", "main")
    with pytest.raises(NotFoundException):
        api.execution("nope", "main")


def test_follow_and_kill_a_running_execution(kestra_client, cluster):
    save_flow(SLOW.format(seconds=1))
    api = kestra_client.executions
    created = api.create_execution("main", NS, "slow")
    states = [str(getattr(e.state.current, "value", e.state.current)) for e in api.follow_execution(created.id, "main")]
    assert states[-1] == "SUCCESS" and len(states) >= 2

    save_flow(SLOW.format(seconds=60))
    created = api.create_execution("main", NS, "slow")
    proc, data_dir = cluster
    wait_for(lambda: Execution.objects.get(pk=created.id).state == "RUNNING", "running", proc, data_dir)
    killed = api.kill_execution(created.id, "main")
    assert str(getattr(killed.state.current, "value", killed.state.current)) in ("KILLING", "KILLED")
    assert ended(created.id, cluster).state == "KILLED"
    from kestrapy.exceptions import ConflictException
    with pytest.raises(ConflictException):
        api.kill_execution(created.id, "main")


def test_restart_replay_and_labels(kestra_client, cluster):
    save_flow(FLAKY)
    api = kestra_client.executions
    created = api.create_execution("main", NS, "flaky", wait=True)
    assert ended(created.id, cluster).state == "FAILED"
    KVEntry.objects.create(namespace=NS, key="ready", value=True)
    api.restart_execution(created.id, "main")
    assert ended(created.id, cluster).state == "SUCCESS"

    replayed = api.replay_execution(created.id, "main")
    assert replayed.id != created.id and ended(replayed.id, cluster).state == "SUCCESS"
    with_inputs = api.replay_execution_with_inputs(created.id, "main", inputs={"who": "Ada"})
    assert ended(with_inputs.id, cluster).inputs["who"] == "Ada"
    plain = api.replay_execution_with_inputs(created.id, "main")
    assert ended(plain.id, cluster).inputs["who"] == "world"

    from kestrapy.models.label import Label
    labelled = api.set_labels_on_terminated_execution(created.id, "main", [Label(key="reviewed", value="yes")])
    assert any(label.key == "reviewed" and label.value == "yes" for label in labelled.labels)


def test_resume_with_inputs(kestra_client, cluster):
    save_flow(PAUSING)
    api = kestra_client.executions
    created = api.create_execution("main", NS, "pausing")
    proc, data_dir = cluster
    wait_for(lambda: Execution.objects.get(pk=created.id).state == "PAUSED", "paused", proc, data_dir)
    api.resume_execution(created.id, "main", inputs={"approved": True})
    assert ended(created.id, cluster).state == "SUCCESS"
    assert kestra_client.outputs.execution_outputs(created.id, "main") == {}
    info = kestra_client.outputs.task_outputs_information(created.id, "main")
    after = next(item for item in info if (item["taskId"] if isinstance(item, dict) else item.task_id) == "after")
    taskrun_id = after["taskRunId"] if isinstance(after, dict) else after.task_run_id
    assert kestra_client.outputs.task_run_outputs(created.id, taskrun_id, "main") == {"value": "approved=true"}
