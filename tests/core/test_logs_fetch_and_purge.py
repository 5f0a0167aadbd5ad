"""Fetch and PurgeLogs as Kestra's io.kestra.plugin.core.log.Fetch (io.kestra.core.tasks.log.Fetch)
and PurgeLogs: lines at a level or above, of some tasks, one Ion map a line; lines purged
by level and namespace with Kestra's counts."""
import pytest

from executions.models import LogEntry
from expressions.ion import read_all
from tests.core.storage_flows import read_stored
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

LOGS = """
  - id: info
    type: io.kestra.plugin.core.log.Log
    message: an info
  - id: warn
    type: io.kestra.plugin.core.log.Log
    level: WARN
    message: a warning
  - id: error
    type: io.kestra.plugin.core.log.Log
    level: ERROR
    message: an error
"""


def test_fetch_writes_the_lines_at_the_level_or_above_as_ion():
    run = run_flow("id: fetch\nnamespace: tests.logs\ntasks:" + LOGS + """
  - id: fetch
    type: io.kestra.core.tasks.log.Fetch
    level: WARN
  - id: of_task
    type: io.kestra.plugin.core.log.Fetch
    level: TRACE
    tasksId: [info]
""")
    assert run.state == "SUCCESS", run.logs()
    fetched = run.one("fetch").outputs
    lines = read_all(read_stored(fetched["uri"]))
    assert fetched["size"] == 2
    assert [(line["taskId"], line["level"], line["message"]) for line in lines] == [
        ("warn", "WARN", "a warning"), ("error", "ERROR", "an error")]
    assert lines[0]["executionId"] == run.execution.id
    assert [line["message"] for line in read_all(read_stored(run.one("of_task").outputs["uri"]))] == ["an info"]


def test_fetch_of_an_execution_of_another_flow_needs_its_flow():
    """As Kestra's executionFromTaskParameters: an id alone is an execution of this flow
    (none here: nothing fetched), and `namespace` and `flowId` go together."""
    other = run_flow("id: source\nnamespace: tests.logs\ntasks:" + LOGS)
    run = run_flow(f"""
        id: fetch_other
        namespace: tests.logs
        tasks:
          - id: found
            type: io.kestra.plugin.core.log.Fetch
            namespace: tests.logs
            flowId: source
            executionId: {other.execution.id}
            level: ERROR
          - id: not_of_this_flow
            type: io.kestra.plugin.core.log.Fetch
            executionId: {other.execution.id}
          - id: half_named
            type: io.kestra.plugin.core.log.Fetch
            flowId: source
            executionId: {other.execution.id}
    """)
    assert run.one("found").outputs["size"] == 1
    assert run.one("not_of_this_flow").outputs["size"] == 0
    assert run.state == "FAILED"
    assert "Both `namespace` and `flowId` must be set when `executionId` is set." in run.logs()


def test_purge_logs_deletes_the_levels_given_and_counts_them():
    kept = run_flow("id: kept\nnamespace: tests.logskept\ntasks:" + LOGS)
    purged = run_flow("id: purged\nnamespace: tests.logs\ntasks:" + LOGS)
    run = run_flow("""
        id: purge_logs
        namespace: tests.system
        tasks:
          - id: purge
            type: io.kestra.plugin.core.log.PurgeLogs
            namespace: tests.logs
            endDate: "{{ now() }}"
            logLevels: [TRACE, DEBUG, INFO, WARN]
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("purge").outputs == {"count": 2, "executionLogsCount": 2, "nonExecutionLogsCount": 0}
    assert list(LogEntry.objects.filter(execution_id=purged.execution.id).values_list("message", flat=True)) == [
        "an error"]
    assert LogEntry.objects.filter(execution_id=kept.execution.id).count() == 3
