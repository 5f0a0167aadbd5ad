"""Subflow (and the older Flow task): start an execution of another flow and, by
default, wait for it and take its outputs."""
from typing import Any

from expressions import ExpressionError
from plugins.api.context import TaskFailed
from plugins.api.executable import ExecutableRuntime
from plugins.api.plugin_type import PluginType
from plugins.api.properties import Example, Output, Property, labels_property
from plugins.api.registry import register
from plugins.api.states import State
from plugins.api.task import ExecutableTask
from plugins.api.taskrun import TaskRunModel

TARGET = (
    Property("namespace", required=True, description="Namespace of the flow to run."),
    Property("flowId", required=True, description="Id of the flow to run."),
    Property("revision", "integer", minimum=1, description="Revision to run (default: the latest)."),
    Property("inputs", "object", description="Inputs of the subflow."),
    labels_property("Labels of the subflow's execution (map or list of key/value)."),
    Property("wait", "boolean", default=True, dynamic=False, description="Wait for the subflow to end."),
    Property("transmitFailed", "boolean", default=True, dynamic=False,
             description="When waiting, a failed subflow fails this task."),
    Property("inheritLabels", "boolean", default=False, dynamic=False,
             description="Give the subflow the labels of this execution."),
)

# The final states a child execution can end in (the Subflow task waits for one).
ENDED = ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED")
# The child states passed on to the task when transmitFailed: any other (SUCCESS, and
# CANCELLED, e.g. by its flow's concurrency `behavior: CANCEL`) ends the task SUCCESS,
# as Kestra's ExecutableUtils.guessState decides.
TRANSMITTED = ("FAILED", "KILLED", "WARNING")


def child_labels(rt: ExecutableRuntime, task: PluginType, taskrun: TaskRunModel) -> list[dict[str, str]]:
    labels: Any = rt.render(task.get("labels"), taskrun) or []
    if isinstance(labels, dict):
        labels = [{"key": k, "value": v} for k, v in labels.items()]
    if task.get("inheritLabels"):
        labels = [*rt.current_execution().labels, *labels]
    return list(labels)


def outcome(state: str, transmit_failed: bool, allow_failure: bool = False, allow_warning: bool = False) -> State:
    """The task's state for a child execution's final state (Kestra's guessState).
    Without transmitFailed the child's outcome is not passed on at all (a WARNING child
    too); allowFailure makes a FAILED child a warning, allowWarning a warning a success."""
    if not transmit_failed or state not in TRANSMITTED:
        return State.SUCCESS
    final = State.WARNING if allow_failure and state == "FAILED" else State(state)
    return State.SUCCESS if final == State.WARNING and allow_warning else final


@register
class Subflow(ExecutableTask):
    type = "io.kestra.plugin.core.flow.Subflow"
    calls_flows = True
    aliases = ("io.kestra.core.tasks.flows.Subflow", "io.kestra.core.tasks.flows.Flow",
               "io.kestra.plugin.core.flow.Flow")
    title = "Start an execution of another flow."
    examples = (
        Example("Call a flow with inputs and use its outputs", """\
id: parent
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: greeter
    inputs:
      name: World
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.call.outputs.greeting }}"
""", full=True),
        Example("The flow it calls", """\
id: greeter
namespace: company.team
inputs:
  - id: name
    type: STRING
    defaults: you
tasks:
  - id: greet
    type: io.kestra.plugin.core.debug.Return
    format: "Hello {{ inputs.name }}"
outputs:
  - id: greeting
    type: STRING
    value: "{{ outputs.greet.value }}"
""", full=True),
    )
    properties = (*TARGET, Property(
        "outputs", "object",
        description="Deprecated (use the subflow's own `outputs`): values rendered in the subflow's execution "
                    "once it ended, exposed as this task's `outputs`; used only when the subflow declares none."))
    outputs = (Output("executionId", "string", "Id of the subflow's execution."),
               Output("state", "string", "Final state of the subflow's execution, when waited for."),
               Output("outputs", "object", "The subflow's flow outputs, when waited for."))

    def start(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        try:
            child = rt.start_execution(
                rt.render_property(taskrun, "namespace"), rt.render_property(taskrun, "flowId"),
                rt.render_property(taskrun, "inputs") or {}, child_labels(rt, self, taskrun), taskrun,
                revision=rt.render_property(taskrun, "revision"), trigger_type=self.type)
        except ValueError as exc:
            raise TaskFailed(str(exc)) from exc
        rt.memo(taskrun)["executionId"] = child
        rt.save_memo(taskrun)
        rt.set_outputs(taskrun, {"executionId": child})

    def poll(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> Any:
        child = rt.memo(taskrun)["executionId"]
        if not self.get("wait"):
            return State.SUCCESS
        state, outputs = rt.execution_result(child)
        if state not in ENDED:
            return None
        if not outputs and self.get("outputs"):
            outputs = self._legacy_outputs(rt, taskrun, child)
        rt.set_outputs(taskrun, {"executionId": child, "state": state, "outputs": outputs or {}})
        if state != "SUCCESS":
            rt.logger(taskrun).warn(f"Subflow execution {child} ended {state}")
        final = outcome(state, bool(self.get("transmitFailed")), bool(self.get("allowFailure")),
                        bool(self.get("allowWarning")))
        if final.value != state:
            # Kestra's taskrun first takes the child's state, then the one it keeps.
            rt.set_state(taskrun, State(state))
        return final

    def final_attempt(self, taskrun: TaskRunModel) -> list[dict[str, Any]]:
        """One attempt whose state is the taskrun's own, as Kestra's
        ExecutableUtils.subflowExecutionResult adds once the child ended."""
        return list(taskrun.state_history)

    def _legacy_outputs(self, rt: ExecutableRuntime, taskrun: TaskRunModel, child: str) -> dict[str, Any]:
        """The deprecated `outputs` map, rendered in the subflow's execution; one that
        cannot be rendered leaves no outputs and a warning, as in Kestra."""
        try:
            outputs: dict[str, Any] = rt.render_in_execution(child, self.get("outputs"))
            return outputs
        except ExpressionError as exc:
            rt.logger(taskrun).warn(f"Failed to extract outputs with the error: '{exc}'")
            return {}

    def kill(self, rt: ExecutableRuntime, taskrun: TaskRunModel) -> None:
        child = rt.memo(taskrun).get("executionId")
        if child:
            rt.kill_execution(child)
