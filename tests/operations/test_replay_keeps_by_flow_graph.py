"""Replay from a taskrun keeps what Kestra keeps: every taskrun that is not a successor
of the replayed one in the flow graph (the tasks after it in its lists, up through its
parents); parallel branches beside it are kept as they ended. The counts below are the
ones Kestra's own ExecutionServiceTest asserts for the same flows."""
import pytest

from executions import operations
from executions.engine.runner import run_to_end
from executions.models import Execution, KVEntry, TaskRun
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _taskruns(execution_id):
    return list(TaskRun.objects.filter(execution_id=execution_id).order_by("seq"))


def _find(taskruns, task_id, *keys):
    return next(t for t in taskruns if t.task_id == task_id and t.iteration_keys == list(keys))


def _states(history):
    return [h["state"] for h in history]


PARALLEL = """
    id: side_by_side
    namespace: tests.replay.graph
    tasks:
      - id: both
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: left
            type: io.kestra.plugin.core.debug.Return
            format: left
          - id: gate
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ kv('open', errorOnMissing=false) is null }}"
          - id: right
            type: io.kestra.plugin.core.debug.Return
            format: right
      - id: last
        type: io.kestra.plugin.core.debug.Return
        format: last
"""


def test_a_parallel_sibling_created_after_the_replayed_task_is_kept_not_run_again():
    run = run_flow(PARALLEL)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.replay.graph", key="open", value=True)
    copy = operations.replay(run.execution.id, run.one("gate").id)
    kept = {t.task_id: t for t in _taskruns(copy.id)}
    assert set(kept) == {"both", "left", "gate", "right"}
    assert kept["gate"].state == "RESTARTED" and kept["both"].state == "RUNNING"

    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert _states(execution.state_history) == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING", "SUCCESS"]
    after = {t.task_id: t for t in _taskruns(execution.id)}
    for task_id in ("left", "right"):  # copied as they ended: same history, same single attempt
        assert after[task_id].state_history == run.one(task_id).state_history
        assert len(after[task_id].attempts) == 1
    assert _states(after["gate"].state_history) == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING", "SUCCESS"]
    assert _states(after["both"].state_history) == ["CREATED", "RUNNING", "FAILED", "RUNNING", "SUCCESS"]
    assert after["last"].outputs == {"value": "last"}


def test_in_a_sequence_what_comes_after_the_replayed_task_runs_again():
    run = run_flow("""
        id: in_order
        namespace: tests.replay.graph
        tasks:
          - id: a
            type: io.kestra.plugin.core.debug.Return
            format: a
          - id: b
            type: io.kestra.plugin.core.debug.Return
            format: b
          - id: c
            type: io.kestra.plugin.core.debug.Return
            format: c
    """)
    copy = operations.replay(run.execution.id, run.one("b").id)
    assert [(t.task_id, t.state) for t in _taskruns(copy.id)] == [("a", "SUCCESS"), ("b", "RESTARTED")]
    # Kestra's replaySimple: the replayed taskrun's history goes on with RESTARTED.
    assert _states(_taskruns(copy.id)[1].state_history) == ["CREATED", "RUNNING", "SUCCESS", "RESTARTED"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert [t.task_id for t in _taskruns(execution.id)] == ["a", "b", "c"]
    assert _taskruns(execution.id)[0].state_history == run.one("a").state_history


PARALLEL_NESTED = """
    id: parallel_nested
    namespace: tests.replay.graph
    tasks:
      - id: 1_par
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: 1-1
            type: io.kestra.plugin.core.debug.Return
            format: "{{ task.id }}"
          - id: 1-2
            type: io.kestra.plugin.core.debug.Return
            format: "{{ task.id }}"
          - id: 1-3_par
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: 1-3-1
                type: io.kestra.plugin.core.debug.Return
                format: "{{ task.id }}"
              - id: 1-3-2_par
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: 1-3-2-1
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ task.id }}"
                  - id: 1-3-2-2_end
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ task.id }}"
              - id: 1-3-3_end
                type: io.kestra.plugin.core.debug.Return
                format: "{{ task.id }}"
          - id: 1-4_end
            type: io.kestra.plugin.core.debug.Return
            format: "{{ task.id }}"
      - id: 2_end
        type: io.kestra.plugin.core.debug.Return
        format: "{{ task.id }}"
"""


def test_replaying_a_nested_flowable_keeps_the_branches_beside_it():
    run = run_flow(PARALLEL_NESTED)
    assert run.state == "SUCCESS" and len(run.taskruns) == 11
    copy = operations.replay(run.execution.id, run.one("1-3-2_par").id)
    kept = {t.task_id: t for t in _taskruns(copy.id)}
    assert len(kept) == 8  # as Kestra's replayParallel
    assert set(kept) == {"1_par", "1-1", "1-2", "1-3_par", "1-3-1", "1-3-2_par", "1-3-3_end", "1-4_end"}
    assert _states(kept["1-3-2_par"].state_history) == ["CREATED", "RUNNING", "SUCCESS", "RUNNING"]
    assert kept["1-3_par"].state == "RUNNING" and kept["1_par"].state == "RUNNING"
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert len(_taskruns(execution.id)) == 11


EACH_SEQUENTIAL_NESTED = """
    id: each_sequential_nested
    namespace: tests.replay.graph
    tasks:
      - id: 1_each
        type: io.kestra.plugin.core.flow.EachSequential
        value: '["s1", "s2", "s3"]'
        tasks:
          - id: 1-1_return
            type: io.kestra.plugin.core.debug.Return
            format: "{{ task.id }} > {{ taskrun.value }}"
          - id: 1-2_each
            type: io.kestra.plugin.core.flow.EachSequential
            value: '["a", "b"]'
            tasks:
              - id: 1-2-1_return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ task.id }} > {{ taskrun.value }}"
              - id: 1-2-2_return
                type: io.kestra.plugin.core.debug.Return
                format: "{{ task.id }} > {{ taskrun.value }}"
          - id: 1-3_return
            type: io.kestra.plugin.core.debug.Return
            format: "{{ task.id }} > {{ taskrun.value }}"
      - id: 2_return
        type: io.kestra.plugin.core.debug.Return
        format: "{{ outputs['1-2-1_return']['s1']['a'].value }}"
"""


def test_in_a_sequential_loop_the_graph_chains_each_task_across_iterations():
    run = run_flow(EACH_SEQUENTIAL_NESTED)
    assert run.state == "SUCCESS" and len(run.taskruns) == 23
    inner = _find(run.taskruns, "1-2_each", "s1")
    copy = operations.replay(run.execution.id, inner.id)
    kept = _taskruns(copy.id)
    # As Kestra's replayEachSeq: the loop, the three 1-1_return (the graph puts every
    # iteration of a task before the next task) and the replayed 1-2_each.
    assert sorted((t.task_id, tuple(t.iteration_keys)) for t in kept) == [
        ("1-1_return", ("s1",)), ("1-1_return", ("s2",)), ("1-1_return", ("s3",)),
        ("1-2_each", ("s1",)), ("1_each", ())]
    assert _states(_find(kept, "1-2_each", "s1").state_history) == ["CREATED", "RUNNING", "SUCCESS", "RUNNING"]

    copy = operations.replay(run.execution.id, _find(run.taskruns, "1-2-1_return", "s1", "a").id)
    kept = _taskruns(copy.id)
    assert len(kept) == 6  # as Kestra's replayEachSeq2
    assert _find(kept, "1-2-1_return", "s1", "a").state == "RESTARTED"
    assert _find(kept, "1-2_each", "s1").state == "RUNNING"
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert len(_taskruns(execution.id)) == 23


def test_in_a_parallel_loop_the_other_iterations_are_kept():
    run = run_flow("""
        id: each_parallel_nested
        namespace: tests.replay.graph
        tasks:
          - id: 1_each
            type: io.kestra.plugin.core.flow.EachParallel
            value: '["value 1", "value 2", "value 3"]'
            tasks:
              - id: 2-1_seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: 2-1-1_t1
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parents[0].taskrun.value }}"
                  - id: 2-1-2_t2
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parents[0].taskrun.value }}"
          - id: 2_end
            type: io.kestra.plugin.core.debug.Return
            format: end
    """)
    assert run.state == "SUCCESS" and len(run.taskruns) == 11
    copy = operations.replay(run.execution.id, _find(run.taskruns, "2-1_seq", "value 1").id)
    kept = _taskruns(copy.id)
    assert len(kept) == 8  # as Kestra's replayEachPara
    assert not [t for t in kept if t.task_id.startswith("2-1-") and t.iteration_keys == ["value 1"]]
    assert len([t for t in kept if t.task_id.startswith("2-1-")]) == 4
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS" and len(_taskruns(execution.id)) == 11


@pytest.mark.parametrize("limit, kept_b", [(1, []), (0, ["1", "2"])])
def test_a_for_each_is_a_sequence_with_a_limit_of_one_and_side_by_side_otherwise(limit, kept_b):
    run = run_flow(f"""
        id: for_each_{limit}
        namespace: tests.replay.graph
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["1", "2"]
            concurrencyLimit: {limit}
            tasks:
              - id: a
                type: io.kestra.plugin.core.debug.Return
                format: "a{{{{ taskrun.value }}}}"
              - id: b
                type: io.kestra.plugin.core.debug.Return
                format: "b{{{{ taskrun.value }}}}"
    """)
    assert run.state == "SUCCESS"
    copy = operations.replay(run.execution.id, _find(run.taskruns, "a", "2").id)
    kept = _taskruns(copy.id)
    assert sorted(t.value for t in kept if t.task_id == "b") == kept_b
    assert sorted(t.value for t in kept if t.task_id == "a") == ["1", "2"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert sorted(t.outputs["value"] for t in _taskruns(execution.id) if t.task_id != "loop") == [
        "a1", "a2", "b1", "b2"]


def test_in_a_dag_only_the_tasks_depending_on_the_replayed_one_run_again():
    run = run_flow("""
        id: dag
        namespace: tests.replay.graph
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: a
                  type: io.kestra.plugin.core.debug.Return
                  format: a
              - task:
                  id: b
                  type: io.kestra.plugin.core.debug.Return
                  format: b
                dependsOn: [a]
              - task:
                  id: c
                  type: io.kestra.plugin.core.debug.Return
                  format: c
                dependsOn: [b]
              - task:
                  id: d
                  type: io.kestra.plugin.core.debug.Return
                  format: d
                dependsOn: [a]
    """)
    assert run.state == "SUCCESS"
    copy = operations.replay(run.execution.id, run.one("b").id)
    assert sorted(t.task_id for t in _taskruns(copy.id)) == ["a", "b", "d", "dag"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    assert sorted(t.task_id for t in _taskruns(execution.id)) == ["a", "b", "c", "d", "dag"]


def test_the_outcome_branches_run_again_on_the_replay_outcome():
    run = run_flow("""
        id: handled
        namespace: tests.replay.graph
        tasks:
          - id: gate
            type: io.kestra.plugin.core.execution.Fail
            condition: "{{ kv('handled-open', errorOnMissing=false) is null }}"
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: after
        errors:
          - id: alert
            type: io.kestra.plugin.core.debug.Return
            format: alert
        afterExecution:
          - id: report
            type: io.kestra.plugin.core.debug.Return
            format: "{{ execution.state }}"
    """)
    assert run.state == "FAILED" and run.one("alert").state == "SUCCESS"
    KVEntry.objects.create(namespace="tests.replay.graph", key="handled-open", value=True)
    copy = operations.replay(run.execution.id, run.one("gate").id)
    assert [t.task_id for t in _taskruns(copy.id)] == ["gate"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    after = {t.task_id: t for t in _taskruns(execution.id)}
    assert set(after) == {"gate", "after", "report"}
    assert after["report"].outputs == {"value": "SUCCESS"}


def test_replaying_inside_a_working_directory_runs_the_whole_directory_again():
    run = run_flow("""
        id: workdir
        namespace: tests.replay.graph
        tasks:
          - id: first
            type: io.kestra.plugin.core.debug.Return
            format: first
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: before
                type: io.kestra.plugin.core.debug.Return
                format: before
              - id: gate
                type: io.kestra.plugin.core.execution.Fail
                condition: "{{ kv('wd-open', errorOnMissing=false) is null }}"
    """)
    assert run.state == "FAILED"
    KVEntry.objects.create(namespace="tests.replay.graph", key="wd-open", value=True)
    copy = operations.replay(run.execution.id, run.one("gate").id)
    kept = {t.task_id: t for t in _taskruns(copy.id)}
    assert set(kept) == {"first", "wd"}
    assert _states(kept["wd"].state_history) == ["CREATED", "RUNNING", "FAILED", "RESTARTED"]
    execution = run_to_end(copy.id)
    assert execution.state == "SUCCESS"
    wd = TaskRun.objects.get(execution=execution, task_id="wd")
    assert _states(wd.state_history) == ["CREATED", "RUNNING", "FAILED", "RESTARTED", "RUNNING", "SUCCESS"]
    assert Execution.objects.get(pk=run.execution.id).state == "FAILED"
