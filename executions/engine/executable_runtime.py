"""The engine's side of plugins.api.executable.ExecutableRuntime."""
from __future__ import annotations

from django.utils import timezone

from executions.labels import correlation_of
from executions.models import Execution
from flows.models import Flow, FlowRevision
from flows.spec import InputInvalid
from storage import internal_storage

from .create import create_execution
from .flow_index import spec_for_source
from .flow_source import flow_source
from .kill import NO_CASCADE, kill_unless_ended
from .logger import ExecutionLogger
from .run_context import EngineRunContext
from .view import ExecutionView


class EngineExecutableRuntime:
    def __init__(self, executor):
        self.executor = executor
        self.started: list[str] = []  # executions started since the executor last took them

    def take_started(self) -> list[str]:
        """The executions started (subflows) since the last call, for the executor to drive."""
        started, self.started = self.started, []
        return started

    @property
    def view(self):
        return self.executor.view

    def render(self, value, taskrun, extra: dict | None = None):
        return self.executor.context_for(taskrun).render(value, extra)

    def render_property(self, taskrun, name, default=None):
        return self.executor.context_for(taskrun).render_property(name, default)

    def logger(self, taskrun):
        return ExecutionLogger(self.view.execution, taskrun)

    def now(self):
        return timezone.now()

    def set_state(self, taskrun, state, wait_until=None):
        taskrun.set_state(state)
        taskrun.wait_until = wait_until
        taskrun.save_fields("state", "state_history", "start_date", "end_date", "wait_until")

    def set_outputs(self, taskrun, outputs: dict):
        taskrun.outputs = outputs
        taskrun.save_fields("outputs")
        self.view.outputs_changed(taskrun)

    def memo(self, taskrun) -> dict:
        return taskrun.memo

    def save_memo(self, taskrun):
        taskrun.save_fields("memo")

    def current_execution(self):
        return self.view.execution

    def start_execution(self, namespace, flow_id, inputs, labels, taskrun, revision=None, wait=True, *,
                        trigger_type: str) -> str:
        flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
        if flow is None:
            raise ValueError(f"Unable to find flow '{namespace}.{flow_id}'")
        if revision is not None and not FlowRevision.objects.filter(flow=flow, revision=revision).exists():
            raise ValueError(f"Unable to find flow '{namespace}.{flow_id}' revision {revision}")
        ex = self.view.execution
        parent = {"executionId": ex.id, "taskRunId": taskrun.id, "namespace": ex.namespace, "flowId": ex.flow_id,
                  "taskId": taskrun.task_id}
        try:
            child = create_execution(flow, inputs, labels=labels, revision=revision, parent=parent,
                                     correlation=correlation_of(ex),
                                     trigger={"id": taskrun.task_id, "type": trigger_type,
                                              "variables": {"executionId": ex.id, "namespace": ex.namespace,
                                                            "flowId": ex.flow_id, "flowRevision": ex.flow_revision}})
        except InputInvalid as exc:
            raise ValueError(f"Subflow '{namespace}.{flow_id}': {exc}") from exc
        self.started.append(child.id)
        return child.id

    def execution_result(self, execution_id):
        state, outputs = Execution.objects.values_list("state", "outputs").get(pk=execution_id)
        return state, outputs

    def render_in_execution(self, execution_id, value):
        """Render `value` as an expression of another execution (a subflow's, for the
        Subflow task's deprecated `outputs`), with that execution's flow and outputs."""
        view = ExecutionView.load(execution_id)
        return EngineRunContext(view, spec_for_source(flow_source(view.execution)), None, None).render(value)

    def execution_states(self, execution_ids) -> dict:
        return dict(Execution.objects.filter(pk__in=list(execution_ids)).values_list("id", "state"))

    def sibling_outputs(self, taskrun, task_id):
        sibling = self.view.find(task_id, taskrun.parent_id, taskrun.value)
        return sibling.outputs if sibling is not None else None

    def kill_execution(self, execution_id):
        if (self.view.execution.variables or {}).get(NO_CASCADE):
            return  # killed with isOnKillCascade=false: what it started runs on
        kill_unless_ended(execution_id)

    def open_file(self, uri):
        return self.executor.context_for(None).open_file(uri)

    def put_bytes(self, taskrun, name, data: bytes) -> str:
        return internal_storage().put_bytes(self.storage_uri(taskrun, name), data)

    def storage_uri(self, taskrun, name) -> str:
        return self.executor.context_for(taskrun).storage_uri(name)
