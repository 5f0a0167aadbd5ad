#!/usr/bin/env python
"""`make bench`: engine figures on a fresh SQLite database in a temporary folder.

Per-task overhead = (wall time of `runflow` in-process - time spent inside the tasks'
own `run`) / number of taskruns. "engine ms" is the part of the wall time the engine
drives the execution (runflow's `run_to_end`), without saving the flow, creating the
execution and printing the summary. Figures are printed, never asserted."""
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KESTRAWEB_DATA_DIR", tempfile.mkdtemp(prefix="kestraweb-bench-"))
os.environ.pop("DATABASE_URL", None) if os.environ.get("BENCH_SQLITE", "1") == "1" else None
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from bench.flows import SLEEP_ITEM, foreach_flow, nested_flow, sequential_flow  # noqa: E402
from executions.models import Execution, TaskRun  # noqa: E402
from plugins.api.task import RunnableTask  # noqa: E402

TASK_TIME = [0.0]
ENGINE_TIME = [0.0]


def measure_engine_time():
    """Wrap the `run_to_end` runflow calls to add up the time the engine drives executions."""
    from executions.management.commands import runflow

    original = runflow.run_to_end

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            ENGINE_TIME[0] += time.perf_counter() - start

    runflow.run_to_end = timed


def measure_task_time():
    """Wrap every runnable's `run` to add up the time spent doing the tasks' own work."""
    for cls in RunnableTask.__subclasses__():
        original = cls.run

        def timed(self, ctx, _original=original):
            start = time.perf_counter()
            try:
                return _original(self, ctx)
            finally:
                TASK_TIME[0] += time.perf_counter() - start

        cls.run = timed


def run(name: str, source: str) -> dict:
    path = Path(os.environ["KESTRAWEB_DATA_DIR"]) / f"{name}.yaml"
    path.write_text(source)
    TASK_TIME[0] = ENGINE_TIME[0] = 0.0
    start = time.perf_counter()
    call_command("runflow", str(path), stdout=io.StringIO())
    wall = time.perf_counter() - start
    execution = Execution.objects.filter(flow_id=name).order_by("-created").first()
    taskruns = TaskRun.objects.filter(execution=execution).count()
    overhead = (wall - TASK_TIME[0]) / taskruns * 1000
    return {"flow": name, "state": execution.state, "taskruns": taskruns, "wall_s": wall, "overhead_ms": overhead,
            "engine_ms": ENGINE_TIME[0] * 1000}


def main():
    call_command("migrate", verbosity=0)
    from plugins.api import registry

    registry.all_types()  # load every task type before wrapping
    measure_task_time()
    measure_engine_time()
    run("warmup", sequential_flow("warmup", 5))
    results = [
        run("seq40", sequential_flow("seq40", 40)),
        run("seq200", sequential_flow("seq200", 200)),
        run("foreach1000", foreach_flow("foreach1000", 1000)),
        # Ten times the values, about ten times the time: a ForEach is linear in its values.
        run("foreach10000", foreach_flow("foreach10000", 10000)),
        run("seqeach1000", foreach_flow("seqeach1000", 1000, concurrency=1)),
        run("nested3", nested_flow("nested3")),
        # Children on worker threads: each one's end is an advance; twice the values
        # should be about twice the time (an advance reads what changed, not everything).
        run("sleepeach200", foreach_flow("sleepeach200", 201, item=SLEEP_ITEM)),
        run("sleepeach400", foreach_flow("sleepeach400", 401, item=SLEEP_ITEM)),
    ]
    print(f"{'flow':<14}{'state':<9}{'taskruns':>9}{'wall s':>9}{'engine ms':>11}{'overhead ms/task':>18}"
          f"{'executions/s':>14}")
    for r in results:
        print(f"{r['flow']:<14}{r['state']:<9}{r['taskruns']:>9}{r['wall_s']:>9.3f}{r['engine_ms']:>11.1f}"
              f"{r['overhead_ms']:>18.2f}{1 / r['wall_s']:>14.2f}")


if __name__ == "__main__":
    main()
