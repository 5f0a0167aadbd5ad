"""The dates of a Schedule trigger, as Kestra's Schedule computes them: pure functions
of the trigger's spec, the last date it fired, a backfill and `now`, for the scheduler
to call.

- `next_evaluation_date`: when the scheduler should evaluate the trigger next
  (Schedule#nextEvaluationDate), honouring conditions, a backfill's window and
  `lateMaximumDelay`.
- `evaluate`: whether the date due now fires, and the `trigger` variables
  (`date`, `next`, `previous`) its execution gets (Schedule#evaluate).
- `recovered_next_date`: the date to start from after the scheduler was down
  (`recoverMissedSchedules`).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from plugins.api import registry
from plugins.api.condition import ConditionContext, ConditionError, all_hold
from plugins.api.durations import parse_duration

from .cron import Cron, instant

# Conditions are searched this many years around now for a date they accept, as Kestra does.
CONDITION_SEARCH_YEARS = 10
ONE_SECOND = timedelta(seconds=1)

# Tests a schedule's conditions against its `trigger` variables ({date, next, previous}).
Accepts = Callable[[dict[str, Any]], bool]


def trigger_date(moment: datetime | None) -> str | None:
    """A date as Kestra writes it in `trigger.*` variables (Jackson's ISO offset
    date-time, `Z` for UTC)."""
    return moment.isoformat().replace("+00:00", "Z") if moment is not None else None


@dataclass(frozen=True)
class Backfill:
    """A replay of a schedule's dates between `start` and `end` (Kestra's Backfill);
    `current` is the next date to replay."""
    start: datetime
    end: datetime
    current: datetime
    paused: bool = False
    inputs: dict[str, Any] = field(default_factory=dict)
    labels: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class ScheduleFire:
    """A date that fires, with its neighbours: the `trigger` variables of its execution."""
    date: datetime
    next: datetime | None
    previous: datetime | None

    def variables(self) -> dict[str, Any]:
        """Kestra's Schedule.Output#toMap(zone): absent neighbours are left out."""
        values = {"date": self.date, "next": self.next, "previous": self.previous}
        return {key: trigger_date(value) for key, value in values.items() if value is not None}


class ScheduleDates:
    """The dates of one Schedule spec (validated: a cron Kestra reads, a real zone)."""

    def __init__(self, spec: dict[str, Any], accepts: Accepts | None = None):
        self.zone = ZoneInfo(spec.get("timezone") or "UTC")
        self.cron = Cron(spec["cron"], str(spec.get("withSeconds")).lower() == "true", self.zone)
        delay = spec.get("lateMaximumDelay")
        self.late_maximum_delay = parse_duration(delay) if delay is not None else None
        # None when the schedule has no conditions: every cron date is accepted.
        self.accepts = accepts

    def _in_zone(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def dates_around(self, moment: datetime) -> ScheduleFire | None:
        """The first cron date at or after `moment`, the one after it and the last one
        before `moment` (Schedule#scheduleDates)."""
        date = self.cron.next_after(moment - ONE_SECOND)
        if date is None:
            return None
        return ScheduleFire(date, self.cron.next_after(date), self.cron.last_before(moment))

    def _accepted(self, accepts: Accepts, start: datetime, forward: bool, now: datetime) -> datetime | None:
        """The nearest cron date after (or before) `start` whose `trigger` variables
        `accepts` (the schedule's conditions), searched ten years from now at most."""
        moment = start
        while (moment.year < now.year + CONDITION_SEARCH_YEARS) if forward \
                else (moment.year > now.year - CONDITION_SEARCH_YEARS):
            candidate = self.cron.next_after(moment) if forward else self.cron.last_before(moment)
            if candidate is None:
                return None
            around = self.dates_around(candidate)
            if around is None:
                return None
            if accepts(around.variables()):
                return candidate
            moment = candidate
        return None

    def _accepted_or_ignored(self, start: datetime, forward: bool, now: datetime) -> datetime | None:
        """`_accepted`, or None when there are no conditions or they cannot be
        evaluated: Kestra then logs it and computes the date without them."""
        if self.accepts is None:
            return None
        try:
            return self._accepted(self.accepts, start, forward, now)
        except ConditionError:
            return None

    def next_evaluation_date(self, now: datetime, last_date: datetime | None = None,
                             backfill: Backfill | None = None) -> datetime | None:
        """When to evaluate next, after the trigger last fired on `last_date` (or is
        replaying `backfill`); None when the cron never fires again."""
        replayed_from = backfill.current if backfill is not None else last_date
        if replayed_from is not None:
            last = self._in_zone(replayed_from)
            accepted = self._accepted_or_ignored(last, True, now)
            if accepted is not None:
                return accepted
            next_date = self.cron.next_after(last)
            if backfill is not None and next_date is not None and instant(next_date) > instant(backfill.end):
                next_date = self.cron.next_after(self._in_zone(now))
        else:
            next_date = self.cron.next_after(self._in_zone(now))
        if self.late_maximum_delay is not None and next_date is not None and backfill is None:
            fire = self._within_delay(self.dates_around(next_date), now, self.late_maximum_delay)
            return fire.date if fire is not None else None
        return next_date

    def _within_delay(self, fire: ScheduleFire | None, now: datetime, delay: timedelta) -> ScheduleFire | None:
        """Skip the dates whose execution would start later than `lateMaximumDelay`
        (Schedule#handleMaxDelay)."""
        while fire is not None and instant(fire.date + delay) < instant(now):
            if fire.next is None:
                return None
            fire = self.dates_around(fire.next)
        return fire

    def previous_evaluation_date(self, now: datetime) -> datetime:
        """The last date before now the schedule fired, or would have (conditions
        included); now when there is none."""
        accepted = self._accepted_or_ignored(self._in_zone(now), False, now)
        if accepted is not None:
            return accepted
        return self.cron.last_before(self._in_zone(now)) or self._in_zone(now)

    def evaluate(self, trigger_date_due: datetime, now: datetime,
                 backfill: Backfill | None = None) -> ScheduleFire | None:
        """The fire of the date due (the trigger's next date, or the backfill's current
        one), or None when nothing fires: a paused backfill, a date in the future, a
        date the conditions refuse. With conditions, `next` and `previous` are the
        nearest dates they accept. Raises ConditionError when a condition cannot be
        evaluated: Kestra then creates the execution FAILED, so the date is not
        evaluated again and again."""
        current = self._in_zone(trigger_date_due)
        if backfill is not None:
            if backfill.paused:
                return None
            current = self._in_zone(backfill.current)
        fire = self.dates_around(current)
        if fire is None:
            return None
        if backfill is not None and instant(current) < instant(fire.date):
            return None  # a replayed date must be strictly behind the backfill's current date
        if instant(fire.date) > instant(now + ONE_SECOND):
            return None
        if self.accepts is not None:
            if not self.accepts(fire.variables()):
                return None
            fire = ScheduleFire(fire.date, self._accepted(self.accepts, fire.date, True, now),
                                self._accepted(self.accepts, fire.date, False, now))
        return fire

    def recovered_next_date(self, missed_next: datetime, now: datetime, policy: str | None) -> datetime | None:
        """The date to fire first after the scheduler was down since `missed_next`:
        ALL replays every missed date, LAST only the latest missed one, NONE none
        (Kestra's recoverMissedSchedules; ALL when unset)."""
        policy = (policy or "ALL").upper()
        if instant(missed_next) >= instant(now) or policy == "ALL":
            return missed_next
        if policy == "LAST":
            last = self.cron.last_before(self._in_zone(now) + ONE_SECOND)
            return last if last is not None and instant(last) >= instant(missed_next) else missed_next
        return self.cron.next_after(self._in_zone(now))


def backfill_from_property(spec: dict[str, Any], now: datetime) -> Backfill | None:
    """The deprecated `backfill` property as a Backfill from `start` to `end` (now
    when absent), its dates given without an offset read in the trigger's zone."""
    prop = spec.get("backfill")
    if not isinstance(prop, dict) or prop.get("start") is None:
        return None
    zone = ZoneInfo(spec.get("timezone") or "UTC")
    start = _zoned(prop["start"], zone)
    end = _zoned(prop["end"], zone) if prop.get("end") is not None else now.astimezone(zone)
    return Backfill(start=start, end=end, current=start, inputs=dict(prop.get("inputs") or {}),
                    labels=list(prop.get("labels") or []))


def _zoned(value: Any, zone: tzinfo) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment


def _is_schedule_condition(spec: dict[str, Any]) -> bool:
    """A condition usable on a Schedule; a type unknown here (not in a validated flow) is not."""
    condition_type = registry.resolve_condition(spec["type"])
    return condition_type is not None and condition_type.schedule_condition


def condition_acceptor(conditions: list[dict[str, Any]], context: ConditionContext) -> Accepts | None:
    """How a Schedule's conditions judge a date: each schedule condition (Kestra's
    ScheduleCondition) tested with the date's variables as `trigger` and `schedule`
    (Schedule#validateScheduleCondition); None without conditions."""
    if not conditions:
        return None
    specs = [spec for spec in conditions if _is_schedule_condition(spec)]

    def accepts(variables: dict[str, Any]) -> bool:
        return all_hold(specs, context.with_variables({"schedule": variables, "trigger": variables}))
    return accepts


def execution_inputs(spec: dict[str, Any], backfill: Backfill | None, render: Callable[..., Any]) -> dict[str, Any]:
    """The inputs of a scheduled execution: the trigger's, then the backfill's over
    them, rendered (Schedule#generateInputs)."""
    inputs = dict(render(spec.get("inputs") or {}))
    if backfill is not None and backfill.inputs:
        inputs.update(render(backfill.inputs))
    return inputs
