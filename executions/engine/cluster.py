"""The engine's steps on django-q2: each `advance` and `run_taskrun` is a queued task
any qcluster worker process (of any cluster on the same broker) may take.

The broker is the one settings.Q_CLUSTER names: the ORM broker on the default
database, or Redis when REDIS_URL is set. Results are not saved: the database rows
the steps write are the record. A `run_taskrun` task hands its attempt to a thread of
its worker process (attempt_threads) and returns, so the worker processes stay free
for the `advance` steps while tasks run."""
from __future__ import annotations

import time

from django.db import OperationalError, close_old_connections, connection
from django_q.tasks import async_task

from . import steps
from .attempt_threads import ATTEMPT_THREADS

ADVANCE = "executions.engine.cluster.advance"
RUN_TASKRUN = "executions.engine.cluster.run_taskrun"


class ClusterQueue:
    """The StepQueue of the cluster: every step goes through the broker."""

    def advance(self, execution_id: str) -> None:
        async_task(ADVANCE, execution_id, save=False)

    def started(self, execution_id: str) -> None:
        async_task(ADVANCE, execution_id, save=False)

    def run_taskrun(self, taskrun_id: str) -> None:
        async_task(RUN_TASKRUN, taskrun_id, save=False)


QUEUE = ClusterQueue()


def submit_execution(execution_id: str) -> None:
    """Have the cluster run a created execution (and the executions it starts) to its end."""
    QUEUE.advance(execution_id)


# After the database refused a step (busy, restarting), how long to wait before
# queueing it again: a step lost would leave its execution waiting for ever.
REQUEUE_AFTER = 0.5


def advance(execution_id: str) -> None:
    """django-q2 task: one executor step."""
    close_old_connections()
    try:
        steps.advance(execution_id, QUEUE)
    except OperationalError:
        _requeue(QUEUE.advance, execution_id)
        raise


def run_taskrun(taskrun_id: str) -> None:
    """django-q2 task: one worker attempt, on a thread of this process (attempt_threads)."""
    ATTEMPT_THREADS.start(attempt, taskrun_id)


def attempt(taskrun_id: str) -> None:
    """Queued again it runs no task twice: a taskrun already claimed is not claimed
    again (one RUNNING without a worker alive is the sweeper's orphan)."""
    try:
        steps.run_taskrun(taskrun_id, QUEUE)
    except OperationalError:
        _requeue(QUEUE.run_taskrun, taskrun_id)
        raise


def _requeue(step, step_id: str) -> None:
    connection.close()
    time.sleep(REQUEUE_AFTER)
    step(step_id)
