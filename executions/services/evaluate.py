"""Evaluating an expression against an ended or running execution (Kestra's
ExecutionController#eval): the variables a task of it sees (flow, execution, inputs,
outputs, labels, trigger; with a taskrun also task, taskrun, parents), under the
settings' expression limits. Raises expressions.ExpressionError for a bad expression,
LookupError for a taskrun not in the execution."""
from __future__ import annotations

import expressions
from executions.engine.expression_limits import expression_budget
from executions.engine.flow_index import index_for_source
from executions.engine.flow_source import flow_source
from executions.engine.variables import taskrun_variables
from executions.engine.view import ExecutionView


def evaluate(execution_id: str, expression: str, taskrun_id: str | None = None) -> str:
    view = ExecutionView.load(execution_id)
    index = index_for_source(flow_source(view.execution))
    taskrun = view.taskruns.get(taskrun_id) if taskrun_id else None
    if taskrun_id and taskrun is None:
        raise LookupError(f"Task run not found: {taskrun_id} in execution {execution_id}")
    index.add_inlined(list(view.taskruns.values()))
    task = index.task(taskrun.task_id) if taskrun is not None else None
    variables = taskrun_variables(view, index.spec, taskrun, task)
    with expressions.within(expression_budget()):
        return expressions.render(expression, variables)
