"""Inside a WorkingDirectory, tasks see `workerTaskrun`: the directory's own taskrun.

Kestra's RunContextInitializer.forWorkingDirectory puts `workerTaskrun` (RunVariables.of
the WorkingDirectory's taskrun: id, startDate, attemptsCount, parentId, value) in the
variables of every task the worker runs inside the directory, and the tasks' own
`taskrun.value` is the directory's (WorkingDirectoryTest.taskrun / taskrunNested with
the flows working-directory-taskrun.yml and working-directory-taskrun-nested.yml).
"""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_tasks_inside_see_the_directory_taskrun_as_worker_taskrun():
    """WorkingDirectoryTest.taskrunNested: a directory inside a ForEach, under a Sequential."""
    run = run_flow("""
        id: wd-worker-taskrun
        namespace: tests.flowables
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["1", "2"]
            tasks:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: wd
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    tasks:
                      - id: first
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ workerTaskrun.id }}|{{ workerTaskrun.value }}|{{ workerTaskrun.parentId }}"
                      - id: second
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ taskrun.value }}|{{ workerTaskrun.attemptsCount }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    for wd in run.of("wd"):
        seq = next(t for t in run.of("seq") if t.id == wd.parent_id)
        first = next(t for t in run.of("first") if t.parent_id == wd.id)
        second = next(t for t in run.of("second") if t.parent_id == wd.id)
        assert first.outputs == {"value": f"{wd.id}|{wd.value}|{seq.id}"}
        assert second.outputs == {"value": f"{wd.value}|0"}
    assert sorted(wd.value for wd in run.of("wd")) == ["1", "2"]


def test_worker_taskrun_is_undefined_outside_a_working_directory():
    """Only RunContextInitializer.forWorkingDirectory adds it: elsewhere the name is
    unknown, and a strict render fails the task."""
    run = run_flow("""
        id: wd-worker-taskrun-outside
        namespace: tests.flowables
        tasks:
          - id: outside
            type: io.kestra.plugin.core.debug.Return
            format: "{{ workerTaskrun.id }}"
    """)
    assert run.state == "FAILED"
    assert any("workerTaskrun" in message for message in run.logs())
