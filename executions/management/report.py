"""How the commands that run an execution end: print it (readable summary, or with
--json the API's execution plus its logs) and exit as the command-line contract says,
0 for SUCCESS/WARNING, 1 otherwise; or, on Ctrl-C, at once with 130 and a line saying
how to finish the execution."""
import json
import os
from contextlib import contextmanager

from executions.engine.execution_retry import retry_chain
from executions.engine.runner import ExecutionTimeout
from executions.serializers import execution_json, execution_logs
from executions.states import State
from executions.summary import summary

# 128 + SIGINT: what a shell reports for a program stopped by Ctrl-C.
INTERRUPTED_EXIT = 130
# What coreutils' `timeout` exits with when the command ran out of time.
TIMEOUT_EXIT = 124


def report_and_exit(command, execution, as_json: bool) -> None:
    """Report how the run ended: when a retry with `behavior: CREATE_NEW_EXECUTION`
    replaced the execution by a new one (and that one perhaps by another), the last
    of them, which the run went on with; the summary names the earlier ones."""
    *earlier, execution = retry_chain(execution)
    if as_json:
        command.stdout.write(json.dumps({**execution_json(execution), "logs": execution_logs(execution.id)}))
    else:
        command.stdout.write(summary(execution, retried=earlier))
    if execution.state not in (State.SUCCESS.value, State.WARNING.value):
        raise SystemExit(1)


class RunningExecution:
    """The id of the execution a command is running, once there is one."""

    id: str | None = None


@contextmanager
def stop_on_interrupt(command):
    """`--timeout` reached ends the command with TIMEOUT_EXIT and a line saying how to
    finish the execution, as Ctrl-C does with INTERRUPTED_EXIT. Ctrl-C stops the
    command at once, without a traceback. Every decision already made is in the
    database (the round under way rolls back); the tasks the worker threads are
    running are left to the next process, which sees their worker gone and runs them
    again, as after a crash. The process ends with `os._exit`: waiting for the worker
    threads would mean waiting for the tasks."""
    running = RunningExecution()
    try:
        yield running
    except ExecutionTimeout as timed_out:
        command.stderr.write(f"Timeout: {timed_out}.")
        command.stderr.flush()
        os._exit(TIMEOUT_EXIT)  # the worker threads may still be running tasks: do not wait for them
    except KeyboardInterrupt:
        if running.id is None:
            command.stderr.write("Interrupted.")
        else:
            command.stderr.write(f"Interrupted: execution {running.id} is left unfinished; "
                                 f"`python manage.py runexecution {running.id}` finishes it.")
        command.stderr.flush()
        os._exit(INTERRUPTED_EXIT)
