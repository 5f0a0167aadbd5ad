"""plugins.api.process.run_process on its own: every line reaches `on_line`, lines
without a newline at the end are not lost, its own `timeout` kills the process group,
a command that cannot start is a named failure."""
import time
from pathlib import Path

import pytest

from plugins.api.context import TaskFailed
from plugins.api.process import LogBatching, ProcessTimeout, run_process

BATCHING = LogBatching(lines=1000, seconds=0.5, stderr_tail_lines=3, kill_grace=1)


class Logger:
    def __init__(self):
        self.written: list[list[tuple[str, str]]] = []

    def lines(self, lines):
        self.written.append([(level, message) for level, message, _ in lines])


class Context:
    def __init__(self):
        self.logger = Logger()


def test_every_line_reaches_on_line_and_the_logs():
    ctx, seen = Context(), []
    result = run_process(ctx, ["/bin/sh", "-c", "echo one; printf 'two\\r\\n'; printf 'no newline' >&2"],
                         cwd="/tmp", on_line=lambda line, stderr: seen.append((line, stderr)), batching=BATCHING)
    assert result.exit_code == 0
    # in order within a stream; the two streams interleave as they come
    assert [line for line in seen if not line[1]] == [("one", False), ("two", False)]
    assert [line for line in seen if line[1]] == [("no newline", True)]
    logged = [entry for batch in ctx.logger.written for entry in batch]
    assert sorted(logged) == [("ERROR", "no newline"), ("INFO", "one"), ("INFO", "two")]


def test_its_own_timeout_kills_the_process_group(tmp_path):
    started = time.monotonic()
    with pytest.raises(ProcessTimeout, match="timed out after 0.5 s"):
        run_process(Context(), ["/bin/sh", "-c", f"sleep 30 & echo $! > {tmp_path}/child; wait"], cwd=tmp_path,
                    timeout=0.5, batching=BATCHING)
    assert time.monotonic() - started < 10
    child = int((tmp_path / "child").read_text())
    state = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[0] \
        if Path(f"/proc/{child}/stat").exists() else "gone"
    assert state in ("gone", "Z", "X")


def test_a_command_that_cannot_start_is_named():
    with pytest.raises(TaskFailed, match="Unable to start the command '/no/such/binary'"):
        run_process(Context(), ["/no/such/binary"], cwd="/tmp", batching=BATCHING)


def test_a_failed_command_names_its_exit_code_and_last_stderr_lines():
    result = run_process(Context(), ["/bin/sh", "-c", "for i in 1 2 3 4 5; do echo e$i >&2; done; exit 7"],
                         cwd="/tmp", batching=BATCHING)
    with pytest.raises(TaskFailed) as failure:
        result.check()
    assert str(failure.value) == "Command failed with exit code 7; last lines of stderr:\ne3\ne4\ne5"
