"""The dates of a time-based trigger, as the scheduler needs them: its first date, the
variables of a date due (None when that date does not fire), the date after one, and
where to resume after the scheduler was down (recoverMissedSchedules).

Kestra's AbstractScheduler tells its Schedule and ScheduleOnDates apart the same way;
the computing itself is the plugin modules' pure functions."""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import expressions
from expressions import ExpressionError
from plugins.api import registry
from plugins.api.condition import ConditionContext, FlowFacts
from plugins.core.trigger import schedule_on_dates as on_dates
from plugins.core.trigger.schedule import Schedule
from plugins.core.trigger.schedule_dates import Backfill, ScheduleDates, condition_acceptor, trigger_date
from plugins.core.trigger.schedule_on_dates import ScheduleOnDates

log = logging.getLogger(__name__)


class ScheduleTimetable:
    def __init__(self, spec: dict, flow: FlowFacts):
        self.spec = spec
        self.dates = ScheduleDates(spec, condition_acceptor(Schedule(spec).conditions(), ConditionContext(flow)))

    def first_date(self, now: datetime) -> datetime | None:
        return self.dates.next_evaluation_date(now)

    def variables(self, due: datetime, now: datetime, backfill: Backfill | None = None) -> dict | None:
        """Raises plugins.api.condition.ConditionError when a condition cannot be evaluated."""
        fire = self.dates.evaluate(due, now, backfill)
        return fire.variables() if fire is not None else None

    def date_after(self, date: datetime, now: datetime) -> datetime | None:
        return self.dates.next_evaluation_date(now, last_date=date)

    def recovered(self, missed: datetime, now: datetime) -> datetime | None:
        return self.dates.recovered_next_date(missed, now, self.spec.get("recoverMissedSchedules"))

    def cron_date_at_or_after(self, moment: datetime) -> datetime | None:
        """The first cron date at or after `moment`: where a backfill starts."""
        fire = self.dates.dates_around(moment)
        return fire.date if fire is not None else None

    def cron_date_after(self, moment: datetime) -> datetime | None:
        return self.dates.cron.next_after(moment.astimezone(self.dates.zone))


class DatesTimetable:
    """ScheduleOnDates: its `dates` rendered with the flow's variables."""

    def __init__(self, spec: dict, flow: FlowFacts):
        self.spec = spec
        variables = {"flow": {"namespace": flow.namespace, "id": flow.id, "revision": flow.revision}}
        self.dates = [expressions.render_value(value, variables) for value in spec.get("dates") or ()]

    def first_date(self, now: datetime) -> datetime | None:
        return on_dates.next_evaluation_date(self.dates, None, now)

    def variables(self, due: datetime, now: datetime, backfill=None) -> dict | None:
        date = on_dates.next_date(self.dates, due, self.spec.get("timezone"), inclusive=True)
        if date is None or date > now:
            return None
        return {"date": trigger_date(date)}

    def date_after(self, date: datetime, now: datetime) -> datetime | None:
        return on_dates.next_evaluation_date(self.dates, date, now)

    def recovered(self, missed: datetime, now: datetime) -> datetime | None:
        """ALL (the default) replays every missed date, LAST the latest one, NONE none."""
        policy = (self.spec.get("recoverMissedSchedules") or "ALL").upper()
        if missed >= now or policy == "ALL":
            return missed
        passed = [date for date in on_dates.sorted_dates(self.dates) if missed <= date <= now]
        if policy == "LAST" and passed:
            return passed[-1]
        return on_dates.next_evaluation_date(self.dates, now, now)


TIMETABLES: dict[type, Callable] = {Schedule: ScheduleTimetable, ScheduleOnDates: DatesTimetable}


def timetable_for(spec: dict, flow: FlowFacts):
    """The timetable of a trigger spec, or None when the trigger is not time-based, or
    its dates cannot be rendered (logged: the trigger does not fire until fixed)."""
    make = TIMETABLES.get(registry.resolve_trigger(str(spec.get("type"))))
    if make is None:
        return None
    try:
        return make(spec, flow)
    except (ExpressionError, on_dates.DateInvalid) as exc:
        log.warning("trigger %s of %s.%s: its dates cannot be read: %s", spec.get("id"), flow.namespace, flow.id, exc)
        return None
