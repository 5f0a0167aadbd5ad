"""Running `manage.py` in another process against this test run's own database, so a
test can watch what that process writes and act on it (kill it, interrupt it)."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def manage_env(data_dir, **extra) -> dict:
    return {**os.environ, "DATABASE_URL": database_url(), "KESTRAWEB_DATA_DIR": str(data_dir), **extra}


def _default_sigint():
    # A shell that starts pytest in the background ignores SIGINT, and an ignored
    # signal stays ignored across exec: give the child Python's usual Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_manage(*args, env) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint)


def run_manage(*args, env, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def wait_while_running(proc: subprocess.Popen, reached, what: str, guard_seconds: float = 300):
    """Poll `reached()` until true; fails if the process ends first. The guard only
    stops a broken engine from hanging the suite: it is not a time window."""
    deadline = time.monotonic() + guard_seconds
    while not reached():
        if proc.poll() is not None:
            raise AssertionError(f"the process ended before {what}: {proc.stderr.read()}")
        assert time.monotonic() < deadline, f"never {what}"
        time.sleep(0.05)
