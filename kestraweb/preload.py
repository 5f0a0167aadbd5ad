"""Loading, once, what the service's processes all need, in the process that forks
them (`manage.py serve` forks the web server, the cluster and the scheduler;
`runcluster` forks django-q2's sentinel, pusher, monitor and workers).

A forked process shares its parent's memory pages until it writes to them. Python
writes to an object's page when the cycle collector scans it, so the objects loaded
here are moved out of the collector's reach (gc.freeze): they stay shared, and the
service's memory grows by what each process does, not by one Django per process."""
from __future__ import annotations

import gc
import importlib

from django.db import connections

# What the forked processes import on their first step, trigger or request.
CLUSTER = (
    "django_q.cluster",
    "executions.engine.cluster",
    "executions.engine.orm_broker",
    "executions.engine.steps",
    "executions.engine.sweeper",
)
SERVICE = CLUSTER + ("executions.scheduler.tick", "kestraweb.asgi", "kestraweb.urls", "uvicorn.main")


def preload(modules: tuple[str, ...] = SERVICE) -> None:
    for name in modules:
        importlib.import_module(name)
    from plugins.api.registry import load_all

    load_all()  # every plugin family, imported once here rather than in each forked worker
    connections.close_all()  # a connection is never shared by two processes
    gc.collect()
    gc.freeze()
