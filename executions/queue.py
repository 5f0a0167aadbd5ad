"""Handing an execution to the cluster: whoever creates an execution outside a
process that runs it (the admin's Execute, the coming API and triggers) calls
`submit`, and a `qcluster` worker takes it from django-q2's broker (the database, or
Redis when REDIS_URL is set).

For now one cluster task drives the whole execution to its end with the in-process
runner; the executor/worker split (`advance`, `run_taskrun` rounds) changes only what
`submit` enqueues, not its callers."""
from django_q.tasks import async_task

from executions.engine.runner import run_to_end

QUEUE_GROUP = "executions"


def submit(execution_id: str) -> str:
    """Enqueue the execution, committed already, for the cluster; returns the task id."""
    return async_task(run_execution, execution_id, task_name=f"execution {execution_id}", group=QUEUE_GROUP)


def run_execution(execution_id: str) -> str:
    """What a cluster worker runs: the execution to its end; its final state is the
    task's result."""
    return run_to_end(execution_id).state
