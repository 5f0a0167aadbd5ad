#!/usr/bin/env python
"""Webhook -> RUNNING latency through the whole service (`manage.py serve`), with the
ORM broker and with Redis: for each of N POSTs to a flow's Webhook trigger, the time
from the request's send to the RUNNING date in its execution's state history (both
read from this machine's clock). Target: p50 under 50 ms. Figures are printed, never
asserted."""
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402

REDIS_DB = 14
REQUESTS = 50
# Sent back to back, the executions queue behind each other's steps; spaced, each
# POST finds the cluster idle: its latency is the path's own.
GAPS = (0.0, 0.25)
WAIT_SECONDS = 120


def running_date(execution) -> datetime | None:
    for entry in execution.state_history:
        if entry["state"] == "RUNNING":
            return service.parse_date(entry["date"])
    return None


def measure():
    service.setup_django()
    import httpx

    from executions.models import Execution
    from flows.services import save_flow

    save_flow(service.webhook_flow("hook"))
    with service.Serve() as serve, httpx.Client(base_url=serve.base, timeout=30) as client:
        url = service.webhook_url("hook")
        warm = client.post(url, json={"n": -1}).json()["id"]
        wait_running([warm], Execution)
        for gap in GAPS:
            sent = {}
            for n in range(REQUESTS):
                time.sleep(gap)
                at = datetime.now(UTC)
                response = client.post(url, json={"n": n})
                response.raise_for_status()
                sent[response.json()["id"]] = at
            runs = wait_running(list(sent), Execution)
            latencies = [(runs[pk] - at).total_seconds() * 1000 for pk, at in sent.items() if pk in runs]
            print(f"{service.broker():<8}{gap:>6.2f}{len(latencies):>6}/{REQUESTS:<4}"
                  f"{service.percentile(latencies, 0.5):>10.1f}{service.percentile(latencies, 0.95):>10.1f}"
                  f"{max(latencies):>10.1f}", flush=True)


def wait_running(ids: list[str], execution_model) -> dict[str, datetime]:
    """The RUNNING date of each execution, once each has one (or the wait ran out)."""
    runs = {}
    deadline = time.monotonic() + WAIT_SECONDS
    while len(runs) < len(ids) and time.monotonic() < deadline:
        for execution in execution_model.objects.filter(pk__in=[pk for pk in ids if pk not in runs]):
            date = running_date(execution)
            if date is not None:
                runs[execution.pk] = date
        time.sleep(0.05)
    return runs


def main():
    print(f"webhook -> RUNNING latency over {REQUESTS} sequential POSTs, back to back (gap 0) and spaced "
          f"(target p50 < 50 ms)")
    print(f"{'broker':<8}{'gap s':>6}{'running':>11}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    service.run_per_broker(__file__, REDIS_DB)


if __name__ == "__main__":
    measure() if service.is_child() else main()
