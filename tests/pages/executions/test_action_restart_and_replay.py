"""Restart and replay (whole, or from a taskrun) from the page; a replay opens the new
execution."""
import pytest

from executions.engine.runner import run_to_end
from executions.models import Execution, KVEntry
from tests.flow_runs import run_flow

from .conftest import page_of

pytestmark = pytest.mark.django_db(transaction=True)

FLAKY = """
id: flaky
namespace: company
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: hello
  - id: gate
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ kv('ready', errorOnMissing=false) is null }}"
"""


def test_it_restarts_a_failed_execution(admin_client):
    run = run_flow(FLAKY)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="company", key="ready", value=True)
    response = admin_client.post(page_of(run) + "/actions/restart")
    assert response["Location"] == page_of(run) + "/gantt"
    assert Execution.objects.get(pk=run.execution.id).state == "RESTARTED"
    assert run_to_end(run.execution.id).state == "SUCCESS"


def test_it_replays_from_a_taskrun_and_opens_the_copy(admin_client):
    run = run_flow(FLAKY)
    KVEntry.objects.create(namespace="company", key="ready", value=True)
    response = admin_client.post(page_of(run) + "/actions/replay", {"taskrun": run.one("gate").id})
    copy = Execution.objects.exclude(pk=run.execution.id).get()
    assert response["Location"] == page_of(copy) + "/gantt"
    assert copy.replay_of == run.execution.id
    assert run_to_end(copy.id).state == "SUCCESS"


def test_it_bulk_restarts(admin_client):
    run = run_flow(FLAKY)
    admin_client.post("/ui/executions/bulk", {"action": "restart", "ids": [run.execution.id]})
    assert Execution.objects.get(pk=run.execution.id).state == "RESTARTED"
