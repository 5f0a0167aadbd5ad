"""createExecution's `scheduleDate` and `kind` (Kestra's ExecutionController#createExecution,
ExecutionDelay and ExecutionKind): a scheduled execution stays CREATED with its
scheduleDate until then (the executor leaves it, the sweeper takes it when due) and
then runs; `kind` is kept and answered. A bad `kind` is refused with a 422 naming it,
and a breakpoint on a task the flow does not have too; nothing is created then."""
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from executions.engine.executor import Executor
from executions.engine.runner import run_to_end
from executions.engine.sweeper import due_scheduled
from executions.models import Execution
from executions.models.state_history import iso
from flows.services import save_flow

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: later
namespace: tests.api
tasks:
  - id: say
    type: io.kestra.plugin.core.debug.Return
    format: done
"""
URL = "/api/v1/main/executions/tests.api/later"


@pytest.fixture
def flow():
    return save_flow(FLOW)[0]


def test_a_scheduled_execution_waits_for_its_date_then_runs(client, flow):
    when = (timezone.now() + timedelta(hours=1)).replace(microsecond=0)
    body = client.post(f"{URL}?scheduleDate={iso(when)}&kind=TEST").json()
    assert body["state"]["current"] == "CREATED"
    assert body["scheduleDate"].startswith(iso(when)[:19]) and body["kind"] == "TEST"
    execution_id = body["id"]
    assert Executor(execution_id).advance().execution.state == "CREATED"  # not yet: left as it is
    assert execution_id not in due_scheduled(timezone.now())
    assert execution_id in due_scheduled(when + timedelta(seconds=1))
    when = timezone.now() + timedelta(seconds=1)  # as if the hour had passed but a second
    Execution.objects.filter(pk=execution_id).update(schedule_date=when)
    ended = run_to_end(execution_id, timeout=30)  # the runner waits for the date
    assert ended.state == "SUCCESS"
    running = next(h for h in ended.state_history if h["state"] == "RUNNING")
    assert datetime.fromisoformat(running["date"].replace("Z", "+00:00")) >= when
    assert client.get(f"/api/v1/main/executions/{execution_id}").json()["kind"] == "TEST"


def test_an_execution_without_kind_has_none(client, flow):
    body = client.post(URL).json()
    assert "kind" not in body and body.get("scheduleDate") is None
    assert Executor(body["id"]).advance().execution.state != "CREATED"  # no date: it starts at once


@pytest.mark.parametrize("query, pointer", [("kind=NIGHTLY", "kind"), ("breakpoints=nope", "breakpoints")])
def test_bad_kind_and_breakpoints_are_refused(client, flow, query, pointer):
    body = assert_problem(client.post(f"{URL}?{query}"), 422)
    assert [error["pointer"] for error in body["errors"]] == [pointer]
    assert not Execution.objects.exists()


def test_kestrapy_creates_a_scheduled_test_execution(kestra_client, flow):
    from kestrapy.models import ExecutionKind

    when = timezone.now() + timedelta(hours=1)
    created = kestra_client.executions.create_execution("main", "tests.api", "later", schedule_date=iso(when),
                                                       kind=ExecutionKind.TEST)
    stored = Execution.objects.get(pk=created.id)
    assert stored.kind == "TEST" and stored.schedule_date is not None and stored.state == "CREATED"
