"""How the commands run: `beforeCommands` first, `env` and WORKING_DIR in the process's
environment, `{{ workingDir }}` rendered, and `warningOnStdErr` (Kestra's
AbstractExecScript; since Kestra 0.23 stderr no longer makes a WARNING by default)."""
import pytest

from tests.flow_runs import run_flow

from .script_flows import script_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_before_commands_run_first_and_env_reaches_the_process():
    run = run_flow("""
        id: env_and_before
        namespace: tests.scripts
        inputs:
          - id: who
            type: STRING
            defaults: world
        tasks:
          - id: py
            type: io.kestra.plugin.scripts.python.Script
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            env:
              GREETING: "hello {{ inputs.who }}"
            beforeCommands:
              - echo "prepared" > marker.txt
            script: |
              import os
              from kestra import Kestra
              Kestra.outputs({
                  "greeting": os.environ["GREETING"],
                  "marker": open("marker.txt").read().strip(),
                  "in_working_dir": os.getcwd() == os.environ["WORKING_DIR"] == "{{ workingDir }}",
                  "flag": {{ true }},
              })
    """)
    assert run.state == "SUCCESS"
    assert run.one("py").outputs["vars"] == {"greeting": "hello world", "marker": "prepared",
                                             "in_working_dir": True, "flag": True}


def test_stderr_makes_a_warning_only_with_warning_on_std_err():
    def run(name: str, setting: str):
        return run_flow(script_flow(f"stderr_{name}", "shell.Commands", f"""
            {setting}
            commands:
              - echo "a progress bar" >&2
        """))

    assert run("default", "").state == "SUCCESS"
    assert run("off", "warningOnStdErr: false").state == "SUCCESS"
    warned = run("on", "warningOnStdErr: true")
    assert warned.state == "WARNING" and warned.one("sh").state == "WARNING"
    assert warned.one("sh").outputs["exitCode"] == 0  # the outputs are kept


def test_a_custom_interpreter_gets_the_script():
    run = run_flow(script_flow("interpreter", "shell.Script", """
        interpreter: ["/bin/bash", "-c"]
        script: |
          words=(one two three)
          echo "${words[2]} words in $BASH_VERSION" | cut -d' ' -f1-3
    """, task_id="bash"))
    assert run.state == "SUCCESS" and ("INFO", "three words in") in run.log_entries("bash")


def test_a_secret_a_script_prints_is_masked_in_its_logs(monkeypatch):
    monkeypatch.setenv("SECRET_SCRIPT_TOKEN", "czNjcjN0LXRva2Vu")  # base64 of s3cr3t-token
    run = run_flow(script_flow("secret_in_script", "shell.Commands", """
        env:
          TOKEN: "{{ secret('SCRIPT_TOKEN') }}"
        commands:
          - echo "token=$TOKEN"
          - echo "again $TOKEN" >&2
    """))
    assert run.state == "SUCCESS"
    messages = [message for _, message in run.log_entries("sh")]
    assert "token=******" in messages and "again ******" in messages
    assert not any("s3cr3t-token" in message for message in messages)
