"""A real cluster for a test: `manage.py runcluster` (django-q2's qcluster plus the
sweeper) in its own process group against this test run's database, with the ORM
broker or Redis; executions are created here and submitted as the admin's Execute
action will submit them."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest

from executions.engine.create import create_execution
from executions.models import Execution, TaskRun
from flows.services import save_flow
from tests.subprocesses import ROOT, manage_env, run_manage

# Short periods, so a test waits little for what the sweeper and watchdog notice.
FAST = {"KESTRAWEB_Q_WORKERS": "2", "KESTRAWEB_SWEEP_EVERY": "0.2", "KESTRAWEB_WORKER_HEARTBEAT_EVERY": "0.3",
        "KESTRAWEB_WORKER_KILL_POLL": "0.1"}
GUARD_SECONDS = 240  # only stops a broken engine from hanging the suite: not a time window


def redis_answers(host="127.0.0.1", port=6379) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


CLAIM_KEY = "kestraweb-test-run"  # in a Redis database a test run took for its own


def _claim_redis_db() -> int:
    """A Redis database number no other test run uses now: the first of 1..15 whose
    claim key this run could set."""
    import redis

    for db in range(1, 16):
        if redis.Redis(host="127.0.0.1", port=6379, db=db).set(CLAIM_KEY, os.getpid(), nx=True, ex=3600):
            return db
    pytest.skip("every Redis database 1..15 is taken by another test run")


class Broker:
    """The broker a cluster and its submitters share: "orm" (the default database) or
    "redis" (a database of this test run's own, flushed before and after)."""

    def __init__(self, kind: str):
        self.kind = kind
        self.env = {}
        if kind == "redis":
            self.db = _claim_redis_db()
            self.env = {"REDIS_URL": f"redis://127.0.0.1:6379/{self.db}"}

    def flush(self, keep_claim: bool = True):
        if self.kind == "redis":
            import redis

            server = redis.Redis(host="127.0.0.1", port=6379, db=self.db)
            server.flushdb()
            if keep_claim:
                server.set(CLAIM_KEY, os.getpid(), ex=3600)


@contextmanager
def running_cluster(data_dir, broker: Broker, name: str = "cluster", **env):
    with open(data_dir / f"{name}.log", "w") as log:
        proc = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "runcluster"],
                                env=manage_env(data_dir, **{**FAST, **broker.env, **env}), cwd=ROOT,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield proc
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


def cluster_log(data_dir) -> str:
    return "\n".join(f"--- {path.name}\n{path.read_text()}" for path in sorted(data_dir.glob("*.log")))


def submit(execution_id: str, data_dir, broker: Broker):
    """Submit as another process would; with the ORM broker this process can, as it
    uses the test settings' broker."""
    if broker.kind == "orm":
        from executions.engine.cluster import submit_execution

        submit_execution(execution_id)
        return
    done = run_manage("shell", "-c", f"from executions.engine.cluster import submit_execution; "
                                     f"submit_execution({execution_id!r})",
                      env=manage_env(data_dir, **broker.env))
    assert done.returncode == 0, done.stderr


def start(source: str, data_dir, broker: Broker, inputs=None) -> str:
    flow, _ = save_flow(source)
    execution = create_execution(flow, inputs or {})
    submit(execution.id, data_dir, broker)
    return execution.id


def wait_for(reached, what: str, proc: subprocess.Popen, data_dir):
    deadline = time.monotonic() + GUARD_SECONDS
    while not reached():
        if proc.poll() is not None:
            raise AssertionError(f"the cluster ended before {what}:\n{cluster_log(data_dir)}")
        if time.monotonic() > deadline:
            raise AssertionError(f"never {what}:\n{cluster_log(data_dir)[-5000:]}")
        time.sleep(0.05)


def wait_for_end(execution_id: str, proc, data_dir) -> Execution:
    wait_for(lambda: Execution.objects.get(pk=execution_id).is_terminal, f"execution {execution_id} ended",
             proc, data_dir)
    return Execution.objects.get(pk=execution_id)


def attempts_by_task(execution_id: str) -> dict[str, list[int]]:
    """How many attempts each taskrun of the execution had, by task id."""
    found: dict[str, list[int]] = {}
    for tr in TaskRun.objects.filter(execution_id=execution_id).order_by("seq"):
        found.setdefault(tr.task_id, []).append(len(tr.attempts))
    return found
