"""Kestra 2.0's debugging breakpoints (executions/engine/breakpoints.py): an execution
stops before each task a breakpoint names, its taskrun created and held in BREAKPOINT,
until resume-from-breakpoint lets it go on."""
import pytest

from executions import operations
from executions.engine.breakpoints import UnknownBreakpointTask, set_breakpoints
from executions.engine.create import create_execution
from executions.engine.executor import Executor
from executions.models import Execution, TaskRun
from tests.flow_runs import save

pytestmark = pytest.mark.django_db

THREE_TASKS = """
    id: three
    namespace: tests.debug
    tasks:
      - id: first
        type: io.kestra.plugin.core.debug.Return
        format: one
      - id: second
        type: io.kestra.plugin.core.debug.Return
        format: two
      - id: third
        type: io.kestra.plugin.core.debug.Return
        format: three
"""
LOOP = """
    id: loop
    namespace: tests.debug
    tasks:
      - id: each
        type: io.kestra.plugin.core.flow.ForEach
        values: ["a", "b"]
        tasks:
          - id: inner
            type: io.kestra.plugin.core.debug.Return
            format: "{{ taskrun.value }}"
      - id: last
        type: io.kestra.plugin.core.debug.Return
        format: done
"""


def started_with(source: str, *breakpoints: dict) -> Execution:
    execution = create_execution(save(source), {})
    set_breakpoints(execution, list(breakpoints))
    return execution


def advance(execution_id: str) -> Execution:
    """Every task here is lightweight: one executor drives the execution as far as it goes."""
    Executor(execution_id).advance()
    return Execution.objects.get(pk=execution_id)


def states(execution_id: str) -> list[tuple[str, str | None, str]]:
    return list(TaskRun.objects.filter(execution_id=execution_id).order_by("seq")
                .values_list("task_id", "value", "state"))


def test_it_stops_before_the_named_task_and_goes_on_when_resumed():
    execution = started_with(THREE_TASKS, {"id": "second"})
    assert advance(execution.id).state == "BREAKPOINT"
    assert states(execution.id) == [("first", None, "SUCCESS"), ("second", None, "BREAKPOINT")]
    assert advance(execution.id).state == "BREAKPOINT"  # held: another round moves nothing

    resumed = operations.resume_from_breakpoint(execution.id)
    assert resumed.state == "RUNNING" and resumed.breakpoints is None
    done = advance(execution.id)
    assert done.state == "SUCCESS"
    assert [h["state"] for h in done.state_history] == ["CREATED", "RUNNING", "BREAKPOINT", "RUNNING", "SUCCESS"]
    held = TaskRun.objects.get(execution_id=execution.id, task_id="second")
    assert [h["state"] for h in held.state_history] == ["CREATED", "BREAKPOINT", "CREATED", "RUNNING", "SUCCESS"]
    assert held.outputs == {"value": "two"}


def test_a_breakpoint_holds_a_task_inside_a_flowable():
    execution = started_with(LOOP, {"id": "inner"})
    assert advance(execution.id).state == "BREAKPOINT"
    assert states(execution.id) == [("each", None, "RUNNING"), ("inner", "a", "BREAKPOINT")]

    # resumed with the same breakpoint: the held one goes, the next iteration stops
    operations.resume_from_breakpoint(execution.id, [{"id": "inner"}])
    assert advance(execution.id).state == "BREAKPOINT"
    assert states(execution.id)[1:] == [("inner", "a", "SUCCESS"), ("inner", "b", "BREAKPOINT")]

    operations.resume_from_breakpoint(execution.id)
    assert advance(execution.id).state == "SUCCESS"
    assert [s for _, _, s in states(execution.id)] == ["SUCCESS"] * 4


def test_a_breakpoint_with_a_value_holds_that_iteration_only():
    execution = started_with(LOOP, {"id": "inner", "value": "b"})
    assert advance(execution.id).state == "BREAKPOINT"
    assert states(execution.id)[1:] == [("inner", "a", "SUCCESS"), ("inner", "b", "BREAKPOINT")]


def test_a_held_execution_can_be_killed():
    execution = started_with(THREE_TASKS, {"id": "second"})
    advance(execution.id)
    operations.kill(execution.id)
    assert advance(execution.id).state == "KILLED"
    assert states(execution.id) == [("first", None, "SUCCESS"), ("second", None, "KILLED")]


def test_only_a_held_execution_resumes_from_a_breakpoint():
    execution = started_with(THREE_TASKS)
    assert advance(execution.id).state == "SUCCESS"
    with pytest.raises(operations.OperationRefused, match="not suspended at a breakpoint"):
        operations.resume_from_breakpoint(execution.id)


def test_a_breakpoint_on_an_unknown_task_is_refused_naming_it():
    execution = create_execution(save(THREE_TASKS), {})
    with pytest.raises(UnknownBreakpointTask, match="flow tests.debug.three has no task 'nope'"):
        set_breakpoints(execution, [{"id": "second"}, {"id": "nope"}])
    held = started_with(THREE_TASKS, {"id": "second"})
    advance(held.id)
    with pytest.raises(UnknownBreakpointTask, match="'missing'"):
        operations.resume_from_breakpoint(held.id, [{"id": "missing"}])
    assert Execution.objects.get(pk=held.id).state == "BREAKPOINT"  # refused: nothing changed


def test_a_held_execution_keeps_its_concurrency_slot():
    flow = save(THREE_TASKS.replace("id: three", "id: limited").replace(
        "namespace: tests.debug", "namespace: tests.debug\n    concurrency:\n      limit: 1"))
    held = create_execution(flow, {})
    set_breakpoints(held, [{"id": "second"}])
    assert advance(held.id).state == "BREAKPOINT"
    waiting = create_execution(flow, {})
    assert advance(waiting.id).state == "QUEUED"
    operations.resume_from_breakpoint(held.id)
    assert advance(held.id).state == "SUCCESS"
    assert advance(waiting.id).state == "SUCCESS"
