"""The readable summary `runflow` prints without --json."""
from datetime import timedelta

import pytest

from executions.summary import human_duration, summary
from tests.flow_runs import run_flow


@pytest.mark.parametrize("seconds, text", [
    (0.0068, "7 ms"), (1.254, "1.25 s"), (123, "2m 03s"), (3723, "1h 02m 03s"),
])
def test_durations_read_as_a_person_would_write_them(seconds, text):
    assert human_duration(timedelta(seconds=seconds)) == text


@pytest.mark.django_db(transaction=True)
def test_it_shows_each_taskrun_under_its_parent_whatever_the_creation_order():
    run = run_flow("""
        id: tree
        namespace: tests.summary
        tasks:
          - id: par
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: branch
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: deep
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ task.id }}"
              - id: sibling
                type: io.kestra.plugin.core.log.Log
                message: hello
    """)
    lines = summary(run.execution).splitlines()
    tasks = [line.split()[1] for line in lines[lines.index("Tasks:") + 1:lines.index("Logs:")]
             if not line.strip().startswith("outputs:")]
    assert tasks == ["par", "branch", "deep", "sibling"]
    deep = next(line for line in lines if " deep " in line)
    assert deep.startswith("      ✓ deep") and "SUCCESS" in deep
    assert '    outputs: {"value": "deep"}' in summary(run.execution)
    assert any(line.endswith("sibling              hello") for line in lines)
