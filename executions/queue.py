"""Handing an execution to the cluster: whoever creates an execution outside a
process that runs it (the admin's Execute, the API, triggers) calls `submit`, and the
engine's steps on django-q2 (executions/engine/cluster.py) run it to its end in any
`runcluster` on the same broker (the database, or Redis when REDIS_URL is set)."""
from executions.engine.cluster import submit_execution


def submit(execution_id: str) -> None:
    """Queue the execution, committed already, for the cluster: its first executor round."""
    submit_execution(execution_id)
