"""A restarted worker task goes RESTARTED then RUNNING, as in Kestra: a worker claims the
RESTARTED taskrun itself, once, and a taskrun whose worker died after the claim is
taken over like any other."""
import subprocess
import threading

import pytest
from django.db import connection, transaction

from executions import operations
from executions.engine.runner import run_to_end
from executions.engine.worker import claim
from executions.engine.workers_alive import HOST
from executions.models import KVEntry, TaskRun
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

# Sleep runs on a worker; its duration fails to render until the KV key exists.
FLOW = """
    id: napper
    namespace: tests.restart.claims
    tasks:
      - id: nap
        type: io.kestra.plugin.core.flow.Sleep
        duration: "{{ kv('nap') }}"
      - id: done
        type: io.kestra.plugin.core.debug.Return
        format: done
"""


def _restarted():
    run = run_flow(FLOW)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.restart.claims", key="nap", value="PT0S")
    operations.restart(run.execution.id)
    nap = TaskRun.objects.get(execution=run.execution, task_id="nap")
    assert nap.state == "RESTARTED"
    return run.execution, nap


def _states(tr):
    return [h["state"] for h in tr.state_history]


def test_a_worker_takes_a_restarted_task_straight_to_running():
    execution, _ = _restarted()
    execution = run_to_end(execution.id)
    assert execution.state == "SUCCESS"
    assert [h["state"] for h in execution.state_history] == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING",
                                                             "SUCCESS"]
    nap = TaskRun.objects.get(execution=execution, task_id="nap")
    assert _states(nap) == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING", "SUCCESS"]
    assert [a["state"]["current"] for a in nap.attempts] == ["FAILED", "SUCCESS"]


def test_a_restarted_taskrun_is_claimed_once():
    _, nap = _restarted()
    stale = TaskRun.objects.get(pk=nap.id)
    assert claim(nap)
    assert nap.state == "RUNNING" and len(nap.attempts) == 2
    assert not claim(stale)  # a second worker holding the RESTARTED copy gets nothing
    assert len(TaskRun.objects.get(pk=nap.id).attempts) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED is PostgreSQL's")
def test_a_restarted_taskrun_locked_by_another_worker_is_skipped():
    _, nap = _restarted()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                TaskRun.objects.select_for_update().get(pk=nap.id)
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(10)
    try:
        assert not claim(TaskRun.objects.get(pk=nap.id))  # no wait on the busy row
    finally:
        release.set()
        thread.join(10)
    assert claim(TaskRun.objects.get(pk=nap.id))


def test_a_restarted_taskrun_whose_worker_died_runs_again():
    execution, nap = _restarted()
    assert claim(nap)
    dead = subprocess.Popen(["true"])
    dead.wait()
    TaskRun.objects.filter(pk=nap.id).update(worker=f"{HOST}:{dead.pid}")
    execution = run_to_end(execution.id)
    assert execution.state == "SUCCESS"
    nap = TaskRun.objects.get(pk=nap.id)
    assert [a["state"]["current"] for a in nap.attempts] == ["FAILED", "KILLED", "SUCCESS"]
    assert _states(nap)[:5] == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING"]
    assert _states(nap)[-1] == "SUCCESS"
