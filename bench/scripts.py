#!/usr/bin/env python
"""`make bench`: 40 sequential Python Script tasks on the Process runner, each its own
`python` process (issue 16: target under 1.5 s on this machine; Windmill's published
benchmark gives 2.09 s for its dedicated workers and 6.04 s for Kestra on 2 vCPUs).

The flow runs in-process with `runflow` on a fresh SQLite database; the figure is the
wall time of the execution (from its creation to its end, as the engine records it),
and the whole `runflow` call beside it. Each script prints a line and an output, as a
real one would. A second flow does the same through `from kestra import Kestra` (the
library imports requests: its import time is the script's, not the engine's).
Printed, never asserted."""
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KESTRAWEB_DATA_DIR", tempfile.mkdtemp(prefix="kestraweb-bench-scripts-"))
os.environ.pop("DATABASE_URL", None) if os.environ.get("BENCH_SQLITE", "1") == "1" else None
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from executions.models import Execution, TaskRun  # noqa: E402

TASKS = 40
BY_HAND = 'print("task {index}")\nprint(\'::{{"outputs": {{"index": {index}}}}}::\')'
WITH_LIBRARY = 'from kestra import Kestra\nprint("task {index}")\nKestra.outputs({{"index": {index}}})'


def flow(name: str, script: str) -> str:
    lines = [f"id: {name}", "namespace: bench.scripts", "tasks:"]
    for index in range(TASKS):
        lines += [f"  - id: t{index}", "    type: io.kestra.plugin.scripts.python.Script",
                  "    taskRunner:", "      type: io.kestra.plugin.core.runner.Process",
                  "    script: |"]
        lines += [f"      {line}" for line in script.format(index=index).splitlines()]
    return "\n".join(lines) + "\n"


def run(name: str, script: str) -> dict:
    path = Path(os.environ["KESTRAWEB_DATA_DIR"]) / f"{name}.yaml"
    path.write_text(flow(name, script))
    start = time.perf_counter()
    call_command("runflow", str(path), stdout=io.StringIO())
    wall = time.perf_counter() - start
    execution = Execution.objects.filter(flow_id=name).order_by("-created").first()
    taskruns = TaskRun.objects.filter(execution=execution)
    duration = (execution.end_date - execution.start_date).total_seconds()
    return {"flow": name, "state": execution.state, "taskruns": taskruns.count(), "execution_s": duration,
            "wall_s": wall}


def main():
    call_command("migrate", verbosity=0)
    run("warmup", BY_HAND)  # the scripts' Python environment is made once, here
    results = [run("python40", BY_HAND), run("python40_kestra_lib", WITH_LIBRARY)]
    print(f"{'flow':<22}{'state':<9}{'taskruns':>9}{'execution s':>13}{'runflow s':>11}{'ms/task':>9}")
    for r in results:
        print(f"{r['flow']:<22}{r['state']:<9}{r['taskruns']:>9}{r['execution_s']:>13.3f}{r['wall_s']:>11.3f}"
              f"{r['execution_s'] / r['taskruns'] * 1000:>9.1f}")


if __name__ == "__main__":
    main()
