"""The engine's steps on django-q2: each `advance` and `run_taskrun` is a queued task
any qcluster worker process (of any cluster on the same broker) may take.

The broker is the one settings.Q_CLUSTER names: the ORM broker on the default
database, or Redis when REDIS_URL is set. Results are not saved: the database rows
the steps write are the record."""
from __future__ import annotations

from django.db import close_old_connections
from django_q.tasks import async_task

from . import steps

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


def advance(execution_id: str) -> None:
    """django-q2 task: one executor step."""
    close_old_connections()
    steps.advance(execution_id, QUEUE)


def run_taskrun(taskrun_id: str) -> None:
    """django-q2 task: one worker attempt."""
    close_old_connections()
    steps.run_taskrun(taskrun_id, QUEUE)
