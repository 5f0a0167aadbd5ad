"""Running an execution in a background thread so a test can act on it meanwhile."""
import threading
import time

from django.db import connection

from executions.engine.runner import run_to_end


def run_in_background(execution_id, timeout=30):
    result = {}

    def target():
        try:
            result["execution"] = run_to_end(execution_id, timeout=timeout)
        finally:
            connection.close()  # this thread's own connection; left open it blocks dropping the test database

    thread = threading.Thread(target=target)
    thread.start()
    return thread, result


def wait_for(predicate, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")
