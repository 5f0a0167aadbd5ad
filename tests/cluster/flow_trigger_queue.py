"""What the engine queued for the Flow trigger evaluation, read from django-q2's ORM
broker (the tests' broker): each queued task's function and arguments."""
from django_q.models import OrmQ

from executions.scheduler.hook import EVALUATE


def queued_evaluations() -> list[tuple]:
    """The (execution id, state) of each Flow trigger evaluation still queued."""
    tasks = (row.task for row in OrmQ.objects.order_by("id"))
    return [tuple(task["args"]) for task in tasks if task["func"] == EVALUATE]


def queue_drained() -> bool:
    """No task waits in the broker: every evaluation queued so far has run."""
    return not OrmQ.objects.exists()
