#!/usr/bin/env python
"""How late schedules fire, through the whole service (`manage.py serve`: the scheduler
and the cluster), with the ORM broker and with Redis: a Schedule firing every second
runs for about 20 s, and each execution's lateness is its creation date minus the
`trigger.date` it fired for. Figures are printed, never asserted."""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402

REDIS_DB = 13
RUN_SECONDS = 20
FLOW = """id: every_second
namespace: bench
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.date }}"
triggers:
  - id: tick
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "*/1 * * * * *"
    withSeconds: true
"""


def measure():
    service.setup_django()
    from executions.models import Execution
    from flows.services import save_flow

    with service.Serve():
        save_flow(FLOW)  # once the scheduler is up: no backfill of the seconds it took to start
        time.sleep(RUN_SECONDS)
        executions = list(Execution.objects.filter(namespace="bench", flow_id="every_second"))
    late = [(e.created - service.parse_date(e.trigger["variables"]["date"])).total_seconds() * 1000
            for e in executions if (e.trigger or {}).get("variables", {}).get("date")]
    if not late:
        print(f"{service.broker():<8}no execution fired in {RUN_SECONDS} s", flush=True)
        return
    print(f"{service.broker():<8}{len(late):>10}{service.percentile(late, 0.5):>10.1f}"
          f"{service.percentile(late, 0.95):>10.1f}{max(late):>10.1f}", flush=True)


def main():
    print(f"Schedule `*/1 * * * * *` for {RUN_SECONDS} s: lateness = created - trigger.date")
    print(f"{'broker':<8}{'executions':>10}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    service.run_per_broker(__file__, REDIS_DB)


if __name__ == "__main__":
    measure() if service.is_child() else main()
