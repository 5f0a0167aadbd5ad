#!/usr/bin/env python
"""Where the in-process engine's time goes for one flow: SQL statements by kind and a
cProfile of `run_to_end`. `python bench/engine_profile.py [N] [--profile]` (a
sequential flow of N Return tasks, 40 by default). Figures are printed, never asserted."""
import collections
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

import bench.run  # noqa: E402,F401  (sets Django up on a fresh SQLite database in a temporary folder)
from bench.flows import sequential_flow  # noqa: E402
from executions.engine.create import create_execution  # noqa: E402
from executions.engine.runner import run_to_end  # noqa: E402
from flows.loading import read_flow_file  # noqa: E402
from flows.services import save_flow  # noqa: E402


def statement_kind(sql: str) -> str:
    words = sql.split()
    head = words[0].upper() if words else "?"
    table = next((w.strip('"') for w in words if w.strip('"').startswith(("executions_", "flows_"))), "")
    return f"{head} {table}"


def main():
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 40))
    call_command("migrate", verbosity=0)
    path = Path(os.environ["KESTRAWEB_DATA_DIR"]) / "seq.yaml"
    path.write_text(sequential_flow("seq", n))
    flow, _ = save_flow(read_flow_file(path))
    run_to_end(create_execution(flow, {}).id)  # warm-up: imports, caches
    counts = collections.Counter()

    def count(execute, sql, params, many, context):
        counts[statement_kind(sql)] += 1
        return execute(sql, params, many, context)

    best = None
    for _ in range(5):
        execution_id = create_execution(flow, {}).id
        start = time.perf_counter()
        run_to_end(execution_id)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    execution_id = create_execution(flow, {}).id
    with connection.execute_wrapper(count):
        run_to_end(execution_id)
    print(f"{n} tasks: best of 5 run_to_end {best * 1000:.1f} ms ({best * 1000 / n:.2f} ms/task)")
    print(f"SQL statements on the main thread: {sum(counts.values())} ({sum(counts.values()) / n:.1f}/task)")
    for kind, c in counts.most_common():
        print(f"  {c:>5} {kind}")
    if "--profile" in sys.argv:
        execution_id = create_execution(flow, {}).id
        profiler = cProfile.Profile()
        profiler.enable()
        run_to_end(execution_id)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(45)


if __name__ == "__main__":
    main()
