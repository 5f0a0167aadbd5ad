"""The engine's one call into the scheduler, where an execution reaches its terminal
state. It only queues the evaluation on the cluster (by dotted name, so the engine
imports nothing of the scheduler's), once the state is committed: the engine stays
fast, and names no trigger type."""
from django.db import transaction
from django_q.tasks import async_task

EVALUATE_ENDED = "executions.scheduler.flow_triggers.evaluate_ended"
QUEUE_GROUP = "triggers"


def on_execution_end(execution) -> None:
    """Queue what this ended execution triggers (Flow triggers, the lock of the trigger
    that started it) for the cluster."""
    execution_id = execution.id
    transaction.on_commit(lambda: async_task(EVALUATE_ENDED, execution_id, group=QUEUE_GROUP,
                                             task_name=f"flow triggers of {execution_id}"))
