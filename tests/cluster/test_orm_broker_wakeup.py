"""The ORM broker's pusher is woken by whoever queues a step, and still polls for what
no wake-up announced (executions/engine/orm_broker.py). A real `runcluster` on this
test run's database; the sweeper is put to sleep, so only the queued task can
start the execution. On PostgreSQL a pusher is also woken by a NOTIFY, from any machine."""
from contextlib import contextmanager

import pytest
from django.db import connection
from django_q.brokers.orm import ORM
from django_q.tasks import async_task

from executions.engine.cluster import ADVANCE
from executions.engine.create import create_execution
from executions.models import Execution
from flows.services import save_flow
from tests.cluster.cluster_process import running_cluster, start, wait_for, wait_for_end

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: woken
namespace: tests.cluster
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hello
"""
NEVER = "3600"  # seconds: longer than any test runs
ASLEEP = {"KESTRAWEB_SWEEP_EVERY": NEVER}


@contextmanager
def cluster_after_its_first_sweep(data_dir, broker, **env):
    """A cluster whose sweeper made its one round: an execution created before the
    cluster starts and submitted by nobody is queued by that round, so once it ended
    the sweeper queues nothing more."""
    flow, _ = save_flow(FLOW)
    earlier = create_execution(flow, {})
    with running_cluster(data_dir, broker, **{**env, **ASLEEP}) as proc:
        wait_for_end(earlier.id, proc, data_dir)
        yield proc


def test_it_runs_a_submitted_execution_though_its_pusher_never_polls(tmp_path, orm_broker):
    """Polls an hour apart: only the wake-up call of the submit can start it."""
    with cluster_after_its_first_sweep(tmp_path, orm_broker, KESTRAWEB_Q_POLL=NEVER,
                                       KESTRAWEB_Q_POLL_MIN=NEVER) as proc:
        execution_id = start(FLOW, tmp_path, orm_broker)
        assert wait_for_end(execution_id, proc, tmp_path).state == "SUCCESS"


def test_it_finds_a_task_queued_without_a_wake_up_call_at_its_poll(tmp_path, orm_broker):
    """As a step queued on another machine, or whose call was lost: django-q2's own ORM
    broker queues it and wakes nobody."""
    with cluster_after_its_first_sweep(tmp_path, orm_broker, KESTRAWEB_Q_POLL="0.2") as proc:
        execution = create_execution(save_flow(FLOW)[0], {})
        async_task(ADVANCE, execution.id, save=False, broker=ORM())
        wait_for(lambda: Execution.objects.get(pk=execution.id).is_terminal, "the unannounced task ran",
                 proc, tmp_path)
        assert Execution.objects.get(pk=execution.id).state == "SUCCESS"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="LISTEN/NOTIFY is PostgreSQL's")
def test_on_postgresql_a_step_queued_on_another_machine_wakes_the_pusher(tmp_path, orm_broker):
    """The cluster has a temporary folder of its own, as on another machine: the
    submit's datagram reaches no socket of it, only its NOTIFY can start the execution."""
    other_tmp = tmp_path / "other-machine-tmp"
    other_tmp.mkdir()
    with cluster_after_its_first_sweep(tmp_path, orm_broker, TMPDIR=str(other_tmp), KESTRAWEB_Q_POLL=NEVER,
                                       KESTRAWEB_Q_POLL_MIN=NEVER) as proc:
        execution_id = start(FLOW, tmp_path, orm_broker)
        assert wait_for_end(execution_id, proc, tmp_path).state == "SUCCESS"
