"""Actions on one execution, at `/executions/{id}/actions/<a>` (Kestra 2.0) and
`/executions/{id}/<a>` (1.x): kill (409 once ended), restart, replay (from a taskrun,
with new inputs), resume with onResume inputs, labels on an ended execution, taskrun
state, delete — Kestra's ExecutionController actions on ExecutionService. A viewer may
do none of them."""
import pytest

from executions.engine.runner import run_to_end
from executions.models import Execution, ExecutionLabel, KVEntry, TaskRun
from executions.services.launch import launch
from kestraweb.models import RoleBinding
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FLAKY = """
id: flaky
namespace: tests.api
inputs:
  - id: who
    type: STRING
    defaults: world
  - id: times
    type: INT
    defaults: 1
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{ inputs.who }}"
  - id: gate
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ kv('ready', errorOnMissing=false) is null }}"
"""
PAUSING = """
id: pausing
namespace: tests.api
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    onResume:
      - id: approved
        type: BOOL
  - id: after
    type: io.kestra.plugin.core.debug.Return
    format: "{{ outputs.wait.onResume.approved }}"
"""


def url(execution_id, action, legacy=False):
    return f"/api/v1/main/executions/{execution_id}/{'' if legacy else 'actions/'}{action}"


def test_restart_runs_the_failed_task_again(client):
    run = run_flow(FLAKY)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.api", key="ready", value=True)
    body = client.post(url(run.execution.id, "restart")).json()
    assert body["state"]["current"] == "RESTARTED"
    assert run_to_end(run.execution.id).state == "SUCCESS"
    assert_problem(client.post(url(run.execution.id, "restart", legacy=True)), 409)  # it succeeded


def test_replay_from_a_taskrun_and_with_new_inputs(client):
    run = run_flow(FLAKY)
    KVEntry.objects.create(namespace="tests.api", key="ready", value=True)
    copy = client.post(url(run.execution.id, "replay") + f"?taskRunId={run.one('gate').id}").json()
    assert copy["id"] != run.execution.id and copy["originalId"] == run.execution.id
    assert run_to_end(copy["id"]).state == "SUCCESS"
    with_inputs = client.post(url(run.execution.id, "replay-with-inputs"), {"who": "Ada"}, format="multipart").json()
    replayed = run_to_end(with_inputs["id"])
    assert replayed.inputs["who"] == "Ada"
    assert TaskRun.objects.get(execution=replayed, task_id="first").outputs == {"value": "hello Ada"}
    empty = client.post(url(run.execution.id, "replay-with-inputs", legacy=True), {}, format="multipart").json()
    assert Execution.objects.get(pk=empty["id"]).inputs["who"] == "world"
    body = assert_problem(client.post(url(run.execution.id, "replay-with-inputs"), {"times": "many"},
                                      format="multipart"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["inputs.times"]


def test_resume_gives_the_onresume_inputs(client):
    execution = launch(save(PAUSING))
    thread, result = run_in_background(execution.id)
    wait_for(lambda: Execution.objects.get(pk=execution.id).state == "PAUSED")
    assert_problem(client.post(url(execution.id, "resume"), {"approved": "maybe"}, format="multipart"), 422)
    body = client.post(url(execution.id, "resume"), {"approved": "true"}, format="multipart").json()
    assert body["state"]["current"] in ("RESTARTED", "RUNNING", "SUCCESS")
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
    assert TaskRun.objects.get(execution_id=execution.id, task_id="after").outputs == {"value": "true"}
    assert_problem(client.post(url(execution.id, "resume")), 409)


def test_kill_answers_409_once_ended(client):
    run = run_flow(FLAKY)
    assert_problem(client.delete(url(run.execution.id, "kill")), 409)
    assert_problem(client.delete(url("missing", "kill")), 404)


def test_labels_on_an_ended_execution(client):
    run = run_flow(FLAKY)
    labels = [{"key": "env", "value": "prod", "additional_properties": {}}]
    body = client.post(url(run.execution.id, "labels"), labels, format="json").json()
    assert {"key": "env", "value": "prod"} in body["labels"]
    assert ExecutionLabel.objects.filter(execution_id=run.execution.id, key="env", value="prod").exists()
    assert_problem(client.post(url(run.execution.id, "labels"), {"key": "x"}, format="json"), 422)
    assert_problem(client.post(url(run.execution.id, "labels"), [{"key": "system.x", "value": "1"}],
                               format="json"), 409)


def test_taskrun_state_and_delete(client):
    run = run_flow(FLAKY)
    body = client.post(url(run.execution.id, "state"), {"taskRunId": run.one("gate").id, "state": "SUCCESS"},
                       format="json").json()
    assert body["state"]["current"] == "RESTARTED"
    assert run_to_end(run.execution.id).state == "SUCCESS"
    assert_problem(client.post(url(run.execution.id, "state"), {"state": "BAD"}, format="json"), 422)
    assert client.delete(f"/api/v1/main/executions/{run.execution.id}").status_code == 204
    assert not Execution.objects.filter(pk=run.execution.id).exists()
    assert_problem(client.delete(f"/api/v1/main/executions/{run.execution.id}"), 404)


def test_a_viewer_may_not_act(alice, plain_user):
    run = run_flow(FLAKY)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="tests")
    for action in ("restart", "replay"):
        assert_problem(alice.post(url(run.execution.id, action)), 403)
    assert_problem(alice.delete(url(run.execution.id, "kill")), 403)
    assert_problem(alice.delete(f"/api/v1/main/executions/{run.execution.id}"), 403)
    assert alice.get(f"/api/v1/main/executions/{run.execution.id}").status_code == 200
