"""Remembering which branch a conditional flowable chose, so its condition is rendered
once per taskrun and later rounds follow the same branch."""
from collections.abc import Callable

from plugins.api.flowable import FlowableRuntime
from plugins.api.taskrun import TaskRunModel


def chosen(rt: FlowableRuntime, taskrun: TaskRunModel, decide: Callable[[], str]) -> str:
    memo = rt.memo(taskrun)
    if "branch" not in memo:
        memo["branch"] = decide()
        rt.save_memo(taskrun)
    branch: str = memo["branch"]
    return branch
