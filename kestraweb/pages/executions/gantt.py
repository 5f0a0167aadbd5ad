"""The Gantt chart's rows: one bar per taskrun, placed from its state history
relative to the execution's start, Kestra's way: the part between its creation and its
first RUNNING is the wait, the rest up to its end (now, while it runs) is the run.
Flowable children come right under their parent, one level deeper."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from executions.models import Execution, TaskRun
from executions.states import State
from executions.taskrun_tree import tree_order


@dataclass
class Attempt:
    number: int
    state: str
    seconds: float | None


@dataclass
class Bar:
    taskrun: TaskRun
    depth: int
    offset: float  # percents of the chart's width
    wait: float
    run: float
    seconds: float | None
    attempts: list[Attempt] = field(default_factory=list)


@dataclass
class Chart:
    bars: list[Bar]
    seconds: float  # the chart's width: from the execution's start to its end (or now)
    total: int  # the taskruns, of which `bars` shows the first EXECUTION_PAGE_MAX_TASKRUNS


def _date(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _dates(history: list, state: str | None = None) -> list[datetime]:
    return [_date(h["date"]) for h in history or [] if state is None or h.get("state") == state]


def _attempts(taskrun: TaskRun) -> list[Attempt]:
    found = []
    for number, attempt in enumerate(taskrun.attempts or [], start=1):
        state = attempt.get("state") or {}
        dates = _dates(state.get("histories"))
        found.append(Attempt(number, state.get("current", ""),
                             (dates[-1] - dates[0]).total_seconds() if len(dates) > 1 else None))
    return found


def gantt(execution: Execution) -> Chart:
    now = timezone.now()
    taskruns = tree_order(TaskRun.objects.filter(execution_id=execution.id).defer("memo", "outputs"))
    start = execution.start_date or now
    ends = [execution.end_date or now] + [t.end_date or now for _, t in taskruns]
    width = max((max(ends) - start).total_seconds(), 0.001)

    def percent(moment: datetime) -> float:
        return round(max((moment - start).total_seconds(), 0) / width * 100, 3)

    bars = []
    for depth, taskrun in taskruns[:settings.EXECUTION_PAGE_MAX_TASKRUNS]:
        created = (_dates(taskrun.state_history) or [taskrun.start_date or now])[0]
        running = next(iter(_dates(taskrun.state_history, State.RUNNING.value)), None)
        end = taskrun.end_date or now
        began = running or end
        bars.append(Bar(taskrun, depth, percent(created), percent(began) - percent(created),
                        percent(end) - percent(began), (end - created).total_seconds(), _attempts(taskrun)))
    return Chart(bars, width, len(taskruns))
