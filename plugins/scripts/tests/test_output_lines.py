"""`::{json}::` lines become outputs (`vars`), metrics and logs, as Kestra's
PluginUtilsService.parseOut reads them and as the `kestra` PyPI library prints them
(io.kestra.plugin.scripts.python.Script's examples: Kestra.outputs, Kestra.counter)."""
import pytest

from tests.flow_runs import run_flow

from .script_flows import script_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_lines_printed_by_hand_become_outputs_metrics_and_logs():
    run = run_flow(script_flow("by_hand", "shell.Script", """
        script: |
          echo 'plain line'
          echo '::{"outputs": {"rows": 3, "name": "x"}}::'
          echo '::{"outputs": {"more": [1, 2]}, "metrics": [{"name": "rows", "type": "counter", "value": 3, '\
          '"tags": {"t": "a"}}, {"name": "load", "type": "timer", "value": "PT1.5S"}]}::'
          echo '::{"logs": [{"level": "WARN", "message": "careful"}, {"level": "DEBUG", "message": "detail"}]}::'
    """, after="""
        - id: use
          type: io.kestra.plugin.core.log.Log
          message: "{{ outputs.sh.vars.rows }} {{ outputs.sh.vars.name }} {{ outputs.sh.vars.more[1] }}"
    """))
    assert run.state == "SUCCESS"
    outputs = run.one("sh").outputs
    assert outputs["vars"] == {"rows": 3, "name": "x", "more": [1, 2]}
    assert outputs["exitCode"] == 0
    assert run.metrics() == [("counter", "rows", 3.0, {"t": "a"}), ("timer", "load", 1.5, {})]
    entries = run.log_entries("sh")
    assert ("INFO", "plain line") in entries
    assert ("WARN", "careful") in entries and ("DEBUG", "detail") in entries
    assert not any(message.startswith("::") for _, message in entries)  # the lines to the orchestrator are not logs
    assert run.log_entries("use") == [("INFO", "3 x 2")]


def test_a_python_script_using_the_kestra_library_gives_outputs_and_counters():
    run = run_flow(script_flow("library", "python.Script", """
        script: |
          from kestra import Kestra
          marks = [79, 91, 85, 64, 82]
          Kestra.outputs({"total": sum(marks), "average": sum(marks) / len(marks)})
          Kestra.counter("marks", len(marks), {"class": "a"})
          Kestra.timer("took", 0.25)
          logger = Kestra.logger()
          logger.info("computed")
          logger.warning("half of them failed")
    """, task_id="py", after="""
        - id: log
          type: io.kestra.plugin.core.log.Log
          message: "{{ outputs.py.vars.total }}"
    """))
    assert run.state == "SUCCESS"
    assert run.one("py").outputs["vars"] == {"total": 401, "average": 80.2}
    assert run.metrics() == [("counter", "marks", 5.0, {"class": "a"}), ("timer", "took", 0.25, {})]
    levels = {message.split(" - ", 1)[-1]: level for level, message in run.log_entries("py")}
    assert levels["computed"] == "INFO" and levels["half of them failed"] == "WARN"
    assert run.log_entries("log") == [("INFO", "401")]


def test_an_unreadable_output_line_is_a_warning_and_the_task_goes_on():
    run = run_flow(script_flow("unreadable", "shell.Script", """
        script: |
          echo '::{"outputs": {"a": }::'
          echo '::{"metrics": [{"name": "g", "type": "gauge", "value": 1}]}::'
          echo '::{"outputs": {"a": 1}}::'
    """))
    assert run.state == "SUCCESS"
    assert run.one("sh").outputs["vars"] == {"a": 1}
    warnings = [message for level, message in run.log_entries("sh") if level == "WARN"]
    assert any(message.startswith("Invalid outputs") for message in warnings)
    assert any("unknown type 'gauge'" in message for message in warnings)
    assert run.metrics() == []
