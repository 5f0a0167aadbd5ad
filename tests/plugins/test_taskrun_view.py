"""ctx.taskrun is a read-only view of the running taskrun: a task reads its id, loop
value and attempt, and cannot change the engine's model (Kestra's `taskrun` variable:
id, taskId, parentId, value, attemptsCount, iteration)."""
from __future__ import annotations

import dataclasses

import pytest

from plugins.api.registry import register, resolve
from plugins.api.task import RunnableTask
from plugins.api.taskrun import TaskRunView
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


if resolve("tests.ReadTaskRun") is None:
    @register
    class ReadTaskRun(RunnableTask):
        """Test-only task: returns what ctx.taskrun shows, and whether writing it failed."""

        type = "tests.ReadTaskRun"

        def run(self, ctx):
            view = ctx.taskrun
            try:
                view.value = "changed"
                frozen = False
            except dataclasses.FrozenInstanceError:
                frozen = True
            return {"id": view.id, "taskId": view.task_id, "parentId": view.parent_id, "value": view.value,
                    "attempt": view.attempt_number, "iteration": view.iteration, "frozen": frozen,
                    "isView": isinstance(view, TaskRunView)}


def test_a_task_inside_a_loop_reads_its_taskrun_and_cannot_write_it():
    run = run_flow("""
        id: taskrun-view
        namespace: tests.plugins
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b"]
            tasks:
              - id: read
                type: tests.ReadTaskRun
    """)
    assert run.state == "SUCCESS", run.logs()
    each = run.one("each")
    reads = sorted(run.of("read"), key=lambda t: t.value)
    assert [t.outputs["value"] for t in reads] == ["a", "b"]
    for position, taskrun in enumerate(reads):
        out = taskrun.outputs
        assert out["id"] == taskrun.id and out["taskId"] == "read" and out["parentId"] == each.id
        assert out["attempt"] == 1 and out["iteration"] == position
        assert out["frozen"] and out["isView"]
