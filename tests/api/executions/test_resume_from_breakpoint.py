"""Kestra 2.0's debugging breakpoints through the API: `breakpoints` on create and on
replay (`taskId` or `taskId.value`, comma-separated) hold the execution before those
tasks, answered in its `breakpoints`; `POST /executions/{id}/actions/resume-from-breakpoint`
lets it go on (409 when it is not held, 422 naming a breakpoint's unknown task)."""
import pytest

from executions.engine.executor import Executor
from executions.models import Execution
from flows.services import save_flow
from kestraweb.models import RoleBinding
from tests.flow_runs import run_flow

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: steps
namespace: tests.api
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: one
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
  - id: third
    type: io.kestra.plugin.core.debug.Return
    format: three
"""
CREATE = "/api/v1/main/executions/tests.api/steps"


def action(execution_id: str, name: str) -> str:
    return f"/api/v1/main/executions/{execution_id}/actions/{name}"


@pytest.fixture
def flow():
    return save_flow(FLOW)[0]


def advanced(client, execution_id: str) -> dict:
    """Drive the execution as far as it goes (all its tasks are lightweight), then GET it."""
    Executor(execution_id).advance()
    return client.get(f"/api/v1/main/executions/{execution_id}").json()


def held(body: dict) -> list[tuple[str, str | None]]:
    return [(tr["taskId"], tr.get("value")) for tr in body["taskRunList"] if tr["state"]["current"] == "BREAKPOINT"]


def test_created_with_breakpoints_it_stops_there_and_resumes(client, flow):
    created = client.post(f"{CREATE}?breakpoints=inner.b,third").json()
    assert created["breakpoints"] == [{"id": "inner", "value": "b"}, {"id": "third"}]
    body = advanced(client, created["id"])
    assert body["state"]["current"] == "BREAKPOINT" and held(body) == [("inner", "b")]

    resumed = client.post(action(created["id"], "resume-from-breakpoint") + "?breakpoints=third")
    assert resumed.status_code == 200, resumed.content
    assert resumed.json()["state"]["current"] == "RUNNING" and resumed.json()["breakpoints"] == [{"id": "third"}]
    body = advanced(client, created["id"])
    assert body["state"]["current"] == "BREAKPOINT" and held(body) == [("third", None)]

    resumed = client.post(action(created["id"], "resume-from-breakpoint")).json()
    assert "breakpoints" not in resumed  # none given: the rest of the run is not held
    assert advanced(client, created["id"])["state"]["current"] == "SUCCESS"


def test_a_breakpoint_on_an_unknown_task_creates_nothing(client, flow):
    body = assert_problem(client.post(f"{CREATE}?breakpoints=first,nope"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["breakpoints"]
    assert "'nope'" in body["detail"] and "tests.api.steps" in body["detail"]
    assert not Execution.objects.exists()


def test_a_replay_with_breakpoints_stops_there(client, flow):
    run = run_flow(FLOW)
    replayed = client.post(action(run.execution.id, "replay") + "?breakpoints=first").json()
    assert replayed["id"] != run.execution.id and replayed["breakpoints"] == [{"id": "first"}]
    body = advanced(client, replayed["id"])
    assert body["state"]["current"] == "BREAKPOINT" and held(body) == [("first", None)]
    assert "breakpoints" not in client.get(f"/api/v1/main/executions/{run.execution.id}").json()


def test_only_a_held_execution_resumes_and_only_to_known_tasks(client, flow):
    run = run_flow(FLOW)
    assert "breakpoint" in assert_problem(client.post(action(run.execution.id, "resume-from-breakpoint")), 409)[
        "detail"]
    created = client.post(f"{CREATE}?breakpoints=first").json()
    advanced(client, created["id"])
    body = assert_problem(client.post(action(created["id"], "resume-from-breakpoint") + "?breakpoints=ghost"), 422)
    assert [error["pointer"] for error in body["errors"]] == ["breakpoints"] and "'ghost'" in body["detail"]
    assert Execution.objects.get(pk=created["id"]).state == "BREAKPOINT"


def test_a_held_execution_is_killed(client, flow):
    created = client.post(f"{CREATE}?breakpoints=each").json()
    advanced(client, created["id"])
    assert client.delete(action(created["id"], "kill")).status_code == 200
    body = advanced(client, created["id"])
    assert body["state"]["current"] == "KILLED"
    assert [tr["state"]["current"] for tr in body["taskRunList"]] == ["SUCCESS", "KILLED"]


def test_resuming_needs_write_access(client, alice, plain_user, flow):
    created = client.post(f"{CREATE}?breakpoints=first").json()
    advanced(client, created["id"])
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="tests.api")
    assert_problem(alice.post(action(created["id"], "resume-from-breakpoint")), 403)
    assert Execution.objects.get(pk=created["id"]).state == "BREAKPOINT"


def test_kestrapy_creates_with_breakpoints_and_resumes(kestra_client, flow):
    from kestrapy.exceptions import ConflictException

    created = kestra_client.executions.create_execution("main", "tests.api", "steps", breakpoints="first")
    assert [(b.id, b.value) for b in created.breakpoints] == [("first", None)]
    Executor(created.id).advance()
    execution = kestra_client.executions.execution(created.id, "main")
    assert execution.state.current.value == "BREAKPOINT"
    resumed = kestra_client.executions.resume_execution_from_breakpoint(created.id, "main")
    assert resumed.state.current.value == "RUNNING" and resumed.breakpoints is None
    Executor(created.id).advance()
    with pytest.raises(ConflictException):
        kestra_client.executions.resume_execution_from_breakpoint(created.id, "main")
