"""Running a flow author's jq program without letting it freeze the process.

jq is a language of its own: `[range(1e9)]` or `def f: f; f` runs inside libjq's C
code, which holds the interpreter lock, so every thread of the process stops and no
check in Python can end it. A program that only walks paths (`.a.b[0]`,
`.items[].id | length`) costs no more than its input and runs here; any other runs in
a separate jq process (jq_worker.py), killed at the render's deadline (or the task's
kill), which ends the render with the usual timeout error."""
from __future__ import annotations

import atexit
import json
import os
import re
import select
import subprocess
import sys
import threading
from functools import lru_cache
from pathlib import Path

import jq as jqlib

from .budget import current
from .errors import ExpressionError

_KEY = r'"(?:[^"\\]|\\.)*"'
_STEP = rf"(?:\.[A-Za-z_][A-Za-z0-9_]*|\.{_KEY}|\[\s*(?:-?\d+|{_KEY})?\s*\]|\.(?![.\w\"]))\??"
_LINEAR = r"(?:length|keys|values|first|last|add|type|tostring|tonumber|tojson|not)"
_TERM = rf"(?:(?:{_STEP})+|{_LINEAR})"
# Paths, and functions linear in their input, piped: such a program ends, and soon.
PATH_ONLY = re.compile(rf"\s*{_TERM}(?:\s*\|\s*{_TERM})*\s*")
WORKER = Path(__file__).with_name("jq_worker.py")
POLL = 0.05  # seconds between checks of the deadline and the kill switch while waiting


@lru_cache(maxsize=256)
def compiled(program: str):
    try:
        return jqlib.compile(program)
    except ValueError as exc:
        raise ExpressionError(f"Invalid jq expression '{program}': {exc}") from None


@lru_cache(maxsize=256)
def _path_only(program: str) -> bool:
    return PATH_ONLY.fullmatch(program) is not None


def run(program: str, text: str, value=None) -> list:
    """All results of `program` on the JSON `text`; when `text` is not JSON and `value`
    is a string, on that string itself (jq sees the string). Raises JqFailed with jq's
    message when the program fails."""
    compiled(program)  # a syntax error is reported the same way wherever it runs
    attempt = _in_process if _path_only(program) else _in_worker
    try:
        return attempt(program, {"text": text})
    except JqFailed:
        if not isinstance(value, str):
            raise
        return attempt(program, {"value": value})


class JqFailed(Exception):
    """jq's own error for a program that failed on its input."""


def _in_process(program: str, given: dict) -> list:
    try:
        if "text" in given:
            return compiled(program).input_text(given["text"]).all()
        return compiled(program).input_value(given["value"]).all()
    except ValueError as exc:
        raise JqFailed(str(exc)) from None


def _in_worker(program: str, given: dict) -> list:
    budget = current()
    request = {"program": program, **given, "max_output": budget.limits.max_output}
    worker = _Workers.take()
    try:
        worker.stdin.write((json.dumps(request) + "\n").encode())
        worker.stdin.flush()
        reply = _read_line(worker, budget)
    except BaseException:
        worker.kill()  # a program past the deadline, or a broken pipe: never reused
        worker.wait()
        raise
    _Workers.give_back(worker)
    if "too_large" in reply:
        budget.check_size(reply["too_large"])
    if "error" in reply:
        raise JqFailed(reply["error"])
    return reply["results"]


def _read_line(worker: subprocess.Popen, budget) -> dict:
    chunks = []
    descriptor = worker.stdout.fileno()
    while True:
        budget.check_time()
        ready, _, _ = select.select([descriptor], [], [], POLL)
        if not ready:
            continue
        chunk = os.read(descriptor, 1 << 16)
        if not chunk:
            raise ExpressionError("The jq program ended its process (out of memory?)")
        chunks.append(chunk)
        if chunk.endswith(b"\n"):
            return json.loads(b"".join(chunks))


class _Workers:
    """Idle jq processes, one per thread that needs one at a time."""
    idle: list[subprocess.Popen] = []
    lock = threading.Lock()

    @classmethod
    def take(cls) -> subprocess.Popen:
        with cls.lock:
            while cls.idle:
                worker = cls.idle.pop()
                if worker.poll() is None:
                    return worker
        return subprocess.Popen([sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)

    @classmethod
    def give_back(cls, worker: subprocess.Popen) -> None:
        with cls.lock:
            cls.idle.append(worker)

    @classmethod
    def stop_all(cls) -> None:
        with cls.lock:
            for worker in cls.idle:
                worker.kill()
                worker.wait()
            cls.idle.clear()


def _forget_in_child() -> None:
    """A forked process (a cluster's worker) must not write to its parent's jq processes."""
    _Workers.idle = []
    _Workers.lock = threading.Lock()


atexit.register(_Workers.stop_all)
os.register_at_fork(after_in_child=_forget_in_child)
