#!/usr/bin/env python
"""The API's read paths at volume: 100,000 executions (10 taskruns' worth of history
each is not needed: one taskrun each) and 1,000,000 log lines, behind `manage.py serve`
(uvicorn, as `make run`), requested one after another with an API token (Bearer; Basic
costs a PBKDF2 per new password check). Prints requests/s and p95 for: execution
search (default sort; and filtered by namespace and a label), one execution, and the
logs of one execution. Target: p95 < 50 ms. Figures are printed, never asserted."""
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402

EXECUTIONS = int(os.environ.get("BENCH_API_EXECUTIONS", "100000"))
LOG_LINES = int(os.environ.get("BENCH_API_LOG_LINES", "1000000"))
REQUESTS = int(os.environ.get("BENCH_API_REQUESTS", "200"))
BATCH = 5000
BASE = datetime(2026, 1, 1, tzinfo=UTC)


def populate():
    from executions.models import Execution, ExecutionLabel, LogEntry, TaskRun
    from executions.models.state_history import iso

    started = time.monotonic()
    for first in range(0, EXECUTIONS, BATCH):
        executions, labels, taskruns = [], [], []
        for i in range(first, min(first + BATCH, EXECUTIONS)):
            start = BASE + timedelta(seconds=30 * i)
            end = start + timedelta(seconds=5)
            history = [{"state": "CREATED", "date": iso(start)}, {"state": "RUNNING", "date": iso(start)},
                       {"state": "SUCCESS", "date": iso(end)}]
            env = ("prod", "dev", "test")[i % 3]
            executions.append(Execution(
                id=f"x{i:08d}", namespace=f"company.team{i % 20}", flow_id=f"flow{i % 50}", flow_revision=1,
                state="SUCCESS", state_history=history, start_date=start, end_date=end,
                labels=[{"key": "env", "value": env}]))
            labels.append(ExecutionLabel(execution_id=f"x{i:08d}", key="env", value=env))
            taskruns.append(TaskRun(id=f"t{i:08d}", execution_id=f"x{i:08d}", seq=0, task_id="hello",
                                    state="SUCCESS", state_history=history, start_date=start, end_date=end,
                                    outputs={"value": f"hello {i}"}))
        Execution.objects.bulk_create(executions)
        ExecutionLabel.objects.bulk_create(labels)
        TaskRun.objects.bulk_create(taskruns)
    per_execution = max(1, LOG_LINES // EXECUTIONS)
    for first in range(0, LOG_LINES, BATCH):
        LogEntry.objects.bulk_create([
            LogEntry(execution_id=f"x{(i // per_execution) % EXECUTIONS:08d}",
                     taskrun_id=f"t{(i // per_execution) % EXECUTIONS:08d}",
                     task_id="hello", namespace="company.team0", flow_id="flow0", level="INFO",
                     timestamp=BASE + timedelta(milliseconds=i), message=f"line {i}")
            for i in range(first, min(first + BATCH, LOG_LINES))])
    from django.db import connection

    from kestraweb import planner_statistics

    planner_statistics.refresh(everywhere=True)  # as after any bulk load: the planner must know the new sizes
    if connection.vendor == "postgresql":
        # What autovacuum does a minute after a bulk load: the visibility map, without
        # which PostgreSQL's index-only scans (counts, a page's ids) read every row again.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM")
    print(f"populated {EXECUTIONS} executions and {LOG_LINES} log lines in {time.monotonic() - started:.0f} s",
          flush=True)


def token() -> str:
    from django.contrib.auth import get_user_model

    from kestraweb.tokens import create_token

    user = get_user_model().objects.create_superuser("bench", "bench@example.com", "bench-pass-1")
    return create_token(user, "bench")[1]


def timed(client, paths: list[str]) -> tuple[float, float, int]:
    """(requests/s, p95 ms, statuses other than 200) over `paths`, one after another."""
    durations, bad = [], 0
    began = time.monotonic()
    for path in paths:
        at = time.monotonic()
        response = client.get(path)
        durations.append((time.monotonic() - at) * 1000)
        bad += response.status_code != 200
    return len(paths) / (time.monotonic() - began), service.percentile(durations, 0.95), bad


def measure():
    service.setup_django()
    import httpx

    populate()
    full_token = token()
    rng = random.Random(7)
    some = [f"x{rng.randrange(EXECUTIONS):08d}" for _ in range(REQUESTS)]
    cases = {
        "search (page 1, newest first)": ["/api/v1/main/executions/search"] * REQUESTS,
        "search ns + label, page 5": ["/api/v1/main/executions/search?namespace=company.team3&labels=env:dev"
                                      "&page=5&size=25"] * REQUESTS,
        "execution by id": [f"/api/v1/main/executions/{pk}" for pk in some],
        "logs of an execution": [f"/api/v1/main/logs/{pk}" for pk in some],
    }
    with service.Serve() as serve, httpx.Client(base_url=serve.base, timeout=30,
                                                 headers={"Authorization": f"Bearer {full_token}"}) as client:
        for path in list(cases.values()):
            client.get(path[0])  # warm
        for name, paths in cases.items():
            rate, p95, bad = timed(client, paths)
            note = f"  ({bad} not 200)" if bad else ""
            print(f"{name:<32}{rate:>10.1f}{p95:>10.1f}{note}", flush=True)


def main():
    print(f"API reads at {EXECUTIONS} executions and {LOG_LINES} log lines, {REQUESTS} sequential requests each "
          f"(Bearer token; target p95 < 50 ms)")
    print(f"{'request':<32}{'req/s':>10}{'p95 ms':>10}")
    run_child(__file__, "kestraweb-bench-api-")


def run_child(script: str, prefix: str, **extra: str) -> None:
    """Run `script`'s measuring half in a child process on a fresh SQLite database, or
    BENCH_API_DATABASE_URL (an empty PostgreSQL database): never the usual one."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    if os.environ.get("BENCH_API_DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["BENCH_API_DATABASE_URL"]
    env.update({"KESTRAWEB_DATA_DIR": tempfile.mkdtemp(prefix=prefix), service.CHILD_FLAG: "1", **extra})
    subprocess.run([sys.executable, script], env=env, cwd=service.ROOT, check=True)


if __name__ == "__main__":
    measure() if service.is_child() else main()
