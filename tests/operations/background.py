"""Running an execution in a background thread so a test can act on it meanwhile."""
import threading
import time

from executions.engine.runner import run_to_end


def run_in_background(execution_id, timeout=30):
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("execution", run_to_end(execution_id, timeout=timeout)))
    thread.start()
    return thread, result


def wait_for(predicate, seconds=10):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached in time")
