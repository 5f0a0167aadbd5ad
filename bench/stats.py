#!/usr/bin/env python
"""The dashboard's statistics (POST /api/v1/main/stats/executions/daily and
.../daily/group-by-flow) over 100,000 executions spread over 30 days and 50 flows, in
a fresh SQLite database (or DATABASE_URL's): the service time of one request, as
p50/p95 over repeated calls. Figures are printed, never asserted."""
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXECUTIONS = 100_000
RUNS = 20
STATES = ["SUCCESS"] * 8 + ["FAILED", "WARNING"]


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("KESTRAWEB_DATA_DIR", tempfile.mkdtemp(prefix="kestraweb-bench-stats-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from executions.daily_stats import daily, daily_by_flow
    from executions.models import Execution

    call_command("migrate", verbosity=0)
    start = datetime.now(UTC) - timedelta(days=30)
    rows = [Execution(id=f"bench{n:07d}", namespace=f"bench.ns{n % 5}", flow_id=f"flow{n % 50}", flow_revision=1,
                      state=STATES[n % len(STATES)], start_date=start + timedelta(seconds=n * 25),
                      end_date=start + timedelta(seconds=n * 25 + n % 90)) for n in range(EXECUTIONS)]
    Execution.objects.bulk_create(rows, batch_size=5000)
    end = datetime.now(UTC)
    queryset = Execution.objects.filter(deleted=False)
    for name, call in (("daily", lambda: daily(queryset, start, end)),
                       ("daily by flow", lambda: daily_by_flow(queryset, start, end))):
        times = []
        for _ in range(RUNS):
            began = time.perf_counter()
            call()
            times.append((time.perf_counter() - began) * 1000)
        p95 = sorted(times)[int(len(times) * 0.95) - 1]
        print(f"stats {name} ({connection.vendor}, {EXECUTIONS} executions): "
              f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
