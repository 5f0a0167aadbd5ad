"""A command that exits non-zero fails the task (Kestra's Process runner: "Command
failed with exit code N"), here with the last lines of its stderr in the message; its
outputs and output files are kept all the same (Kestra's CommandsWrapper)."""
import pytest

from plugins.conftest import read_stored
from tests.flow_runs import run_flow

from .script_flows import script_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_non_zero_exit_code_fails_the_task_with_the_stderr_tail():
    run = run_flow(script_flow("failing", "shell.Script", """
        outputFiles: [part.txt]
        script: |
          echo "starting"
          echo '::{"outputs": {"step": "half"}}::'
          echo "partial" > part.txt
          echo "first problem" >&2
          echo "the real reason" >&2
          exit 3
    """, after="""
        - id: never
          type: io.kestra.plugin.core.log.Log
          message: never
    """))
    assert run.state == "FAILED" and run.one("sh").state == "FAILED"
    assert not run.of("never")
    failure = [message for level, message in run.log_entries("sh") if message.startswith("Command failed")]
    assert failure == ["Command failed with exit code 3; last lines of stderr:\nfirst problem\nthe real reason"]
    assert ("ERROR", "the real reason") in run.log_entries("sh")  # stderr lines are ERROR logs
    outputs = run.one("sh").outputs  # kept on the failed taskrun, as Kestra's RunnableTaskException does
    assert outputs["exitCode"] == 3 and outputs["vars"] == {"step": "half"}
    assert read_stored(outputs["outputFiles"]["part.txt"]) == "partial\n"


def test_a_python_exception_fails_with_its_traceback_tail():
    run = run_flow(script_flow("raising", "python.Script", """
        script: |
          raise ValueError("bad input file")
    """, task_id="py"))
    assert run.state == "FAILED"
    failure = next(m for _, m in run.log_entries("py") if m.startswith("Command failed with exit code 1"))
    assert failure.endswith("ValueError: bad input file")


def test_fail_fast_stops_at_the_first_failing_command_unless_turned_off():
    def run(flag: str):
        return run_flow(script_flow(f"fail_fast_{flag}", "shell.Commands", f"""
            failFast: {flag}
            commands:
              - "false"
              - echo after
        """))

    stopped = run("true")
    assert stopped.state == "FAILED" and ("INFO", "after") not in stopped.log_entries("sh")
    went_on = run("false")  # the last command decides
    assert went_on.state == "SUCCESS" and ("INFO", "after") in went_on.log_entries("sh")
