#!/usr/bin/env python
"""The Home and Logs pages at volume: the dataset of bench/api.py (100,000 executions,
1,000,000 log lines; BENCH_API_EXECUTIONS, BENCH_API_LOG_LINES) behind `manage.py serve`,
each page requested one after another by a user logged in through the login form (a
session, as a browser). Prints requests/s and p95 for: Home over the period holding
every execution (one aggregate query) and over the default period; Logs with no filter,
the default form (the user's level, the last 24 hours), namespace + flow + level, a
later page, and a text search. Target (issue 17): p95 < 150 ms. Printed, never asserted."""
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import service  # noqa: E402
from bench.api import EXECUTIONS, LOG_LINES, populate, run_child, timed, token  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_PAGES_REQUESTS", "50"))
HOLDING_ALL = "start=2026-01-01&end=2026-02-05"  # bench/api.py's executions start every 30 s from 2026-01-01


def log_in(client, username: str, password: str) -> None:
    """Through the login form, as a browser: its CSRF token, then the session cookie."""
    form = client.get("/ui/login").text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    answer = client.post("/ui/login", data={"username": username, "password": password,
                                            "csrfmiddlewaretoken": csrf, "next": "/ui/"})
    if answer.status_code != 302:
        raise RuntimeError(f"logging in answered {answer.status_code}")


def measure():
    service.setup_django()
    import httpx

    populate()
    token()  # bench/api.py's user "bench" (a superuser), password bench-pass-1
    cases = {
        "home, 36 days holding all": f"/ui/?range=custom&{HOLDING_ALL}",
        "home, last 30 days (default)": "/ui/",
        "logs, no filter (TRACE, any time)": "/ui/logs?minLevel=TRACE&range=all",
        "logs, default form": "/ui/logs",
        "logs, ns + flow + INFO": "/ui/logs?minLevel=INFO&range=all&namespace=company.team0&flowId=flow0",
        "logs, ns + flow, page 20": "/ui/logs?minLevel=INFO&range=all&namespace=company.team0&flowId=flow0&page=20",
        "logs, WARN (none at that level)": "/ui/logs?minLevel=WARN&range=all",
        "logs, text search": "/ui/logs?minLevel=TRACE&range=all&q=line+999999",
    }
    with service.Serve() as serve, httpx.Client(base_url=serve.base, timeout=60) as client:
        log_in(client, "bench", "bench-pass-1")
        for path in cases.values():
            client.get(path)  # warm
        for name, path in cases.items():
            rate, p95, bad = timed(client, [path] * REQUESTS)
            note = f"  ({bad} not 200)" if bad else ""
            print(f"{name:<36}{rate:>10.1f}{p95:>10.1f}{note}", flush=True)


def main():
    print(f"Home and Logs pages at {EXECUTIONS} executions and {LOG_LINES} log lines, {REQUESTS} sequential "
          f"requests each (session; target p95 < 150 ms)")
    print(f"{'page':<36}{'req/s':>10}{'p95 ms':>10}")
    run_child(__file__, "kestraweb-bench-pages-")

if __name__ == "__main__":
    measure() if service.is_child() else main()
