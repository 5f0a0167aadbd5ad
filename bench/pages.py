#!/usr/bin/env python
"""The pages at volume: the Executions list (and its filters) and one execution's tabs,
on bench/api.py's dataset (BENCH_API_EXECUTIONS executions, BENCH_API_LOG_LINES log
lines, one taskrun each), rendered by Django's test client in this process with a
logged-in session, one request after another: the time is the page's own (query,
template), without a server in front. Prints requests/s and p95 per page. Target
(issue 17): p95 < 150 ms. Figures are printed, never asserted."""
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402
from bench.api import timed  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PAGES_REQUESTS", "100"))


def clients():
    """(superuser's client, client of a viewer bound to company.team3 and its children)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from kestraweb.models import RoleBinding

    users = get_user_model().objects
    admin = users.create_superuser("bench", "bench@example.com", "bench-pass-1")
    viewer = users.create_user("viewer", "viewer@example.com", "bench-pass-1")
    RoleBinding.objects.create(user=viewer, role="viewer", namespace="company.team3")
    found = []
    for user in (admin, viewer):
        client = Client()
        client.force_login(user)
        found.append(client)
    return found


def measure():
    service.setup_django()
    from bench.api import EXECUTIONS, populate

    populate()
    admin, viewer = clients()
    rng = random.Random(7)
    some = [f"x{rng.randrange(EXECUTIONS):08d}" for _ in range(REQUESTS)]

    def one(pk: str, tab: str) -> str:
        i = int(pk[1:])
        return f"/ui/executions/company.team{i % 20}/flow{i % 50}/{pk}/{tab}"

    middle = EXECUTIONS // 25 // 2  # a page in the middle of the unfiltered list
    cases = {
        "list (page 1, newest first)": (admin, ["/ui/executions"] * REQUESTS),
        f"list page {middle}": (admin, [f"/ui/executions?page={middle}"] * REQUESTS),
        "list namespace, page 5": (admin, ["/ui/executions?namespace=company.team3&page=5"] * REQUESTS),
        "list namespace + label": (admin, ["/ui/executions?namespace=company.team3&labels=env:dev"] * REQUESTS),
        "list flow": (admin, ["/ui/executions?flowId=flow7"] * REQUESTS),
        "list states": (admin, ["/ui/executions?state=FAILED&state=SUCCESS"] * REQUESTS),
        "list start date range": (admin, ["/ui/executions?startDate=2026-01-10T00:00:00Z"
                                          "&endDate=2026-01-20T00:00:00Z"] * REQUESTS),
        "list as a namespace viewer": (viewer, ["/ui/executions"] * REQUESTS),
        "execution gantt": (admin, [one(pk, "gantt") for pk in some]),
        "execution logs": (admin, [one(pk, "logs") for pk in some]),
    }
    for client, paths in cases.values():
        client.get(paths[0])  # warm
    for name, (client, paths) in cases.items():
        rate, p95, bad = timed(client, paths)
        note = f"  ({bad} not 200)" if bad else ""
        print(f"{name:<32}{rate:>10.1f}{p95:>10.1f}{note}", flush=True)


def main():
    from bench.api import EXECUTIONS, LOG_LINES, run_child

    print(f"Pages at {EXECUTIONS} executions and {LOG_LINES} log lines, {REQUESTS} sequential requests each "
          f"(Django test client, session; target p95 < 150 ms)")
    print(f"{'page':<32}{'req/s':>10}{'p95 ms':>10}")
    run_child(__file__, "kestraweb-bench-pages-", DEBUG="0", ALLOWED_HOSTS="testserver")  # the test client's host

if __name__ == "__main__":
    measure() if service.is_child() else main()
