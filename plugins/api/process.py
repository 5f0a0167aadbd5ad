"""Running a subprocess for a task, as Kestra's Process task runner does.

`run_process(ctx, args, cwd=..., env=...)` starts the command in a session (a process
group) of its own, reads its stdout and stderr as they come, and hands each line to a
script_lines.LineConsumer: `::{json}::` lines become outputs, metrics and logs, the
others logs. Log lines are written in batches (KESTRAWEB_SCRIPT_LOG_BATCH_LINES lines,
or what came in KESTRAWEB_SCRIPT_LOG_BATCH_SECONDS), one INSERT a batch.

A kill of the execution or the task's timeout (the run context's cancellation) stops
the whole process group: SIGTERM, then SIGKILL after KESTRAWEB_SCRIPT_KILL_GRACE
seconds, so the children a shell started die with it. The result's exit code is the
caller's to judge (`ProcessResult.check()` raises ProcessFailed with the last lines of
stderr)."""
from __future__ import annotations

import contextlib
import os
import selectors
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .context import TaskFailed
from .script_lines import LineConsumer

READ_CHUNK = 64 * 1024
# A "line" longer than this (no newline in sight) is cut and logged in pieces.
MAX_LINE_BYTES = 1024 * 1024
# Seconds between two looks at the cancellation while the process says nothing.
CANCEL_POLL_SECONDS = 0.1


class ProcessFailed(TaskFailed):
    """The command ended with a non-zero exit code. `outputs` are the failed task's
    outputs all the same (Kestra's RunnableTaskException carries a script's output):
    the engine keeps them on the FAILED taskrun."""

    def __init__(self, message: str, result: ProcessResult):
        super().__init__(message)
        self.result = result
        self.outputs: dict[str, Any] = {}


class ProcessTimeout(TaskFailed):
    """The command ran past run_process's own `timeout` and was killed."""


@dataclass
class ProcessResult:
    exit_code: int
    stdout_lines_count: int
    stderr_lines_count: int
    outputs: dict[str, Any] = field(default_factory=dict)  # merged `::{"outputs": ...}::`
    stderr_tail: list[str] = field(default_factory=list)  # the last lines of stderr

    def check(self) -> ProcessResult:
        """Self when the command succeeded; ProcessFailed naming its exit code and the
        last lines of its stderr otherwise."""
        if self.exit_code == 0:
            return self
        message = f"Command failed with exit code {self.exit_code}"
        if self.stderr_tail:
            message += "; last lines of stderr:\n" + "\n".join(self.stderr_tail)
        raise ProcessFailed(message, self)


@dataclass(frozen=True)
class LogBatching:
    lines: int
    seconds: float
    stderr_tail_lines: int
    kill_grace: float

    @classmethod
    def from_settings(cls) -> LogBatching:
        from django.conf import settings  # the tunables are settings (`# Limits`), read when a process runs

        return cls(lines=getattr(settings, "SCRIPT_LOG_BATCH_LINES", 1000),
                   seconds=getattr(settings, "SCRIPT_LOG_BATCH_SECONDS", 0.5),
                   stderr_tail_lines=getattr(settings, "SCRIPT_STDERR_TAIL_LINES", 20),
                   kill_grace=getattr(settings, "SCRIPT_KILL_GRACE", 2.0))


def run_process(ctx: Any, args: Sequence[str], *, cwd: Path | str, env: Mapping[str, str] | None = None,
                timeout: float | None = None, on_line: Callable[[str, bool], None] | None = None,
                batching: LogBatching | None = None) -> ProcessResult:
    """Run `args` in `cwd` with the worker's environment plus `env`, logging its lines
    through `ctx`; `on_line(line, is_stderr)` sees every line too. Returns once the
    command ended and its output is read; raises the run context's interruption (its
    process group killed first) or ProcessTimeout past `timeout` seconds."""
    batching = batching or LogBatching.from_settings()
    consumer = LineConsumer(ctx, batching.stderr_tail_lines)
    full_env = {**os.environ, **(env or {})}
    try:
        process = subprocess.Popen(list(args), cwd=str(cwd), env=full_env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except OSError as exc:
        raise TaskFailed(f"Unable to start the command {args[0]!r}: {exc}") from exc
    unregister = _on_cancel(ctx, lambda: _signal_group(process, signal.SIGTERM))
    deadline = time.monotonic() + timeout if timeout is not None else None
    try:
        _pump(ctx, process, consumer, batching, deadline, on_line)
        exit_code = process.wait()
        _check_interrupted(ctx)  # a process the cancellation ended is interrupted, not failed
    except ProcessTimeout:
        _kill(process, batching.kill_grace)
        raise ProcessTimeout(f"Command timed out after {timeout:g} s and was killed") from None
    except BaseException:
        _kill(process, batching.kill_grace)
        raise
    finally:
        unregister()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        ctx.logger.lines(consumer.take_logs())  # what came before the end, or before the kill
    return ProcessResult(exit_code, consumer.stdout_count, consumer.stderr_count, consumer.outputs,
                         list(consumer.stderr_tail))


def _pump(ctx: Any, process: subprocess.Popen[bytes], consumer: LineConsumer, batching: LogBatching,
          deadline: float | None, on_line: Callable[[str, bool], None] | None) -> None:
    """Read both streams to their end, writing log batches as they fill up or age."""
    selector = selectors.DefaultSelector()
    partial: dict[int, bytes] = {}
    for stream, is_stderr in ((process.stdout, False), (process.stderr, True)):
        assert stream is not None
        selector.register(stream.fileno(), selectors.EVENT_READ, is_stderr)
        partial[stream.fileno()] = b""

    def emit(raw: bytes, is_stderr: bool) -> None:
        line = raw.decode("utf-8", "replace").rstrip("\r")
        if on_line is not None:
            on_line(line, is_stderr)
        consumer.accept(line, is_stderr)

    oldest: float | None = None  # when the oldest unwritten log line came
    try:
        while selector.get_map():
            _check_interrupted(ctx)
            if deadline is not None and time.monotonic() >= deadline:
                raise ProcessTimeout("Command timed out")
            wait = CANCEL_POLL_SECONDS
            if oldest is not None:
                wait = min(wait, max(0.0, oldest + batching.seconds - time.monotonic()))
            for key, _ in selector.select(wait):
                fd, is_stderr = key.fd, key.data
                chunk = os.read(fd, READ_CHUNK)
                if not chunk:
                    selector.unregister(fd)
                    if partial[fd]:
                        emit(partial[fd], is_stderr)
                    continue
                *lines, rest = (partial[fd] + chunk).split(b"\n")
                while len(rest) > MAX_LINE_BYTES:
                    lines.append(rest[:MAX_LINE_BYTES])
                    rest = rest[MAX_LINE_BYTES:]
                partial[fd] = rest
                for raw in lines:
                    emit(raw, is_stderr)
            if consumer.pending and oldest is None:
                oldest = time.monotonic()
            if consumer.pending and (len(consumer.pending) >= batching.lines
                                     or time.monotonic() - (oldest or 0.0) >= batching.seconds):
                ctx.logger.lines(consumer.take_logs())
                oldest = None
    finally:
        selector.close()


def _check_interrupted(ctx: Any) -> None:
    """Raise the run context's interruption (kill or timeout), if any."""
    cancellation = getattr(ctx, "cancellation", None)
    if cancellation is not None:
        cancellation.check()
    elif hasattr(ctx, "check_interrupted"):
        ctx.check_interrupted()


def _on_cancel(ctx: Any, callback: Callable[[], None]) -> Callable[[], None]:
    """Have the run context's cancellation signal the process at once, where it can;
    otherwise the read loop's looks at it (every CANCEL_POLL_SECONDS) do."""
    cancellation = getattr(ctx, "cancellation", None)
    if cancellation is not None and hasattr(cancellation, "on_cancel"):
        unregister: Callable[[], None] = cancellation.on_cancel(callback)
        return unregister
    return lambda: None


def _signal_group(process: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(process.pid, signum)  # the session start_new_session made: the command and its children


def _kill(process: subprocess.Popen[bytes], grace: float) -> None:
    """SIGTERM to the group, SIGKILL to what is left of it after `grace` seconds."""
    _signal_group(process, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(grace)
    _signal_group(process, signal.SIGKILL)  # children that outlived their parent too
    process.wait()
