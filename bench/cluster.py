#!/usr/bin/env python
"""Engine figures through the cluster (`manage.py runcluster`), with the ORM broker and,
when a Redis server answers on 127.0.0.1:6379, with Redis: the wall time from an
execution's creation to its SUCCESS, for a 40-task flow of lightweight Return tasks
(one `advance`) and one of 40 Sleep PT0S tasks (a worker round trip each).

Each broker runs in a fresh SQLite database in a temporary folder, in a child process
of this script (the broker is chosen when Django's settings load). Figures are
printed, never asserted."""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REDIS_DB = 15  # flushed before and after
RUNS = 3


def sleep_flow(flow_id: str, n: int) -> str:
    tasks = "".join(f"  - id: t{i}\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT0S\n" for i in range(n))
    return f"id: {flow_id}\nnamespace: bench\ntasks:\n{tasks}"


def measure():
    """In the child process: Django set up on the chosen broker, a cluster started."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from bench.flows import sequential_flow
    from executions.engine.cluster import submit_execution
    from executions.engine.create import create_execution
    from executions.models import Execution
    from flows.services import save_flow

    call_command("migrate", verbosity=0)
    with open(Path(os.environ["KESTRAWEB_DATA_DIR"]) / "cluster.log", "w") as log:
        cluster = subprocess.Popen([sys.executable, str(ROOT / "manage.py"), "runcluster"], cwd=ROOT, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            flows = {"return40": sequential_flow("return40", 40), "sleep40": sleep_flow("sleep40", 40)}
            warm = create_execution(save_flow(flows["return40"])[0], {})
            submit_execution(warm.id)
            while not Execution.objects.get(pk=warm.id).is_terminal:  # the cluster is up and warm
                time.sleep(0.01)
            for name, source in flows.items():
                flow, _ = save_flow(source)
                walls = []
                for _ in range(RUNS):
                    start = time.perf_counter()
                    execution = create_execution(flow, {})
                    submit_execution(execution.id)
                    while not Execution.objects.filter(pk=execution.id, state__in=["SUCCESS", "FAILED"]).exists():
                        time.sleep(0.002)
                    walls.append(time.perf_counter() - start)
                state = Execution.objects.get(pk=execution.id).state
                print(f"{os.environ.get('BENCH_BROKER', 'orm'):<8}{name:<10}{state:<9}{min(walls):>10.3f}"
                      f"{sorted(walls)[len(walls) // 2]:>10.3f}", flush=True)
        finally:
            cluster.send_signal(signal.SIGTERM)
            try:
                cluster.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(cluster.pid, signal.SIGKILL)


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def flush_redis():
    import redis

    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()


def main():
    print(f"{'broker':<8}{'flow':<10}{'state':<9}{'min s':>10}{'median s':>10}")
    brokers = ["orm"] + (["redis"] if redis_answers() else [])
    for broker in brokers:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(KESTRAWEB_DATA_DIR=tempfile.mkdtemp(prefix="kestraweb-bench-cluster-"), BENCH_BROKER=broker,
                   BENCH_CLUSTER_CHILD="1")
        if broker == "redis":
            env["REDIS_URL"] = f"redis://127.0.0.1:6379/{REDIS_DB}"
            flush_redis()
        subprocess.run([sys.executable, __file__], env=env, cwd=ROOT, check=True)
        if broker == "redis":
            flush_redis()
    if len(brokers) == 1:
        print("redis   (skipped: no Redis server answers on 127.0.0.1:6379)")


if __name__ == "__main__":
    measure() if os.environ.get("BENCH_CLUSTER_CHILD") else main()
