#!/usr/bin/env python
"""Memory of the whole `make run` system, with the ORM broker and with Redis: the PSS
summed over `manage.py serve` and all its descendants (web server, cluster and its
workers, scheduler), sampled every 0.5 s, idle once started and then during a burst of
1,000 webhook executions until they end. Targets: under 250 MB idle, under 500 MB in
the burst. Also the CPU the idle service uses (its polls): a share of one core.
Figures are printed, never asserted."""
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402

REDIS_DB = 12
BURST = 1000
SETTLE_SECONDS = 5
IDLE_SECONDS = 10
BURST_SECONDS = 600  # bound on the wait for the burst to end
SAMPLE_SECONDS = 0.5
MB = 1024 * 1024


class Sampler(threading.Thread):
    """The largest PSS of the service's tree seen while it runs."""

    def __init__(self, serve):
        super().__init__(daemon=True)
        self.serve, self.peak, self.processes = serve, 0, 0
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            self.peak = max(self.peak, self.serve.pss_bytes())
            self.processes = max(self.processes, len(self.serve.tree()))
            self.stopped.wait(SAMPLE_SECONDS)

    def stop(self) -> "Sampler":
        self.stopped.set()
        self.join()
        return self


def measure():
    service.setup_django()
    import httpx

    from executions.models import Execution
    from executions.states import TERMINAL
    from flows.services import save_flow

    unfinished = Execution.objects.exclude(state__in=[state.value for state in TERMINAL])

    save_flow(service.webhook_flow("burst"))
    with service.Serve() as serve, httpx.Client(base_url=serve.base, timeout=30) as client:
        url = service.webhook_url("burst")
        client.post(url, json={"n": -1}).raise_for_status()  # the cluster's workers loaded once
        while unfinished.exists():
            time.sleep(0.2)
        time.sleep(SETTLE_SECONDS)
        idle = Sampler(serve)
        cpu_before = serve.cpu_seconds()
        idle.start()
        time.sleep(IDLE_SECONDS)
        idle.stop()
        idle_cpu = (serve.cpu_seconds() - cpu_before) / IDLE_SECONDS * 100
        parts = serve.breakdown()
        burst = Sampler(serve)
        burst.start()
        start = time.monotonic()
        for n in range(BURST):
            client.post(url, json={"n": n}).raise_for_status()
        sent = time.monotonic() - start
        deadline = time.monotonic() + BURST_SECONDS
        while time.monotonic() < deadline and unfinished.exists():
            time.sleep(0.5)
        took = time.monotonic() - start
        burst.stop()
        done = Execution.objects.filter(state="SUCCESS").count() - 1
    print(f"{service.broker():<8}{idle.peak / MB:>10.0f}{idle_cpu:>11.1f}{burst.peak / MB:>10.0f}{burst.processes:>7}"
          f"{done:>6}/{BURST:<6}{sent:>7.1f}{took:>8.1f}", flush=True)
    print("        idle, by process: " + ", ".join(f"{name} {pss / MB:.0f}" for name, pss in parts), flush=True)


def main():
    print(f"PSS of `manage.py serve` and its descendants, max of samples every {SAMPLE_SECONDS} s "
          f"(targets: idle < 250 MB, burst < 500 MB)")
    print(f"{'broker':<8}{'idle MB':>10}{'idle CPU%':>11}{'burst MB':>10}{'procs':>7}{'success':>13}"
          f"{'sent s':>7}{'ended s':>8}")
    service.run_per_broker(__file__, REDIS_DB)


if __name__ == "__main__":
    measure() if service.is_child() else main()
