"""Conditions on a date, by default the schedule date `{{ trigger.date }}`: usable on
a Schedule to keep only some of its dates (Kestra's ScheduleConditions)."""
from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from plugins.api.condition import (
    ConditionContext,
    ConditionError,
    ConditionType,
    parse_local_date,
    parse_zoned_datetime,
)
from plugins.api.plugin_type import PluginType
from plugins.api.properties import Property
from plugins.api.registry import register

from . import condition_names

DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
DAYS_IN_MONTH = ("FIRST", "SECOND", "THIRD", "FOURTH", "LAST")
TRIGGER_DATE = "{{ trigger.date }}"
DATE = Property("date", default=TRIGGER_DATE, description="The date to test, by default the schedule's date.")
DAY_OF_WEEK = Property("dayOfWeek", "enum", values=DAYS, required=True, dynamic=False, description="The day of week.")


class DateCondition(ConditionType):
    schedule_condition = True

    def tested_date(self, context: ConditionContext) -> date:
        return parse_local_date(context.rendered(self.get("date")))


@register
class DayWeek(DateCondition):
    type, aliases = condition_names("DayWeek")
    title = "Condition for a day of the week."
    properties = (DATE, DAY_OF_WEEK)

    def test(self, context: ConditionContext) -> bool:
        return DAYS[self.tested_date(context).weekday()] == str(self.get("dayOfWeek")).upper()


def nth_weekday(day: date, weekday: int, which: str) -> date:
    """The FIRST..FOURTH or LAST `weekday` of `day`'s month (Java's TemporalAdjusters)."""
    if which == "LAST":
        last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = day.replace(day=1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    return first + timedelta(weeks=DAYS_IN_MONTH.index(which))


@register
class DayWeekInMonth(DateCondition):
    type, aliases = condition_names("DayWeekInMonth")
    title = "Condition for a day of the week in the month (the first Monday...)."
    properties = (
        DATE, DAY_OF_WEEK,
        Property("dayInMonth", "enum", values=DAYS_IN_MONTH, required=True, dynamic=False,
                 description="Which one in the month: FIRST, SECOND, THIRD, FOURTH or LAST."),
    )

    def test(self, context: ConditionContext) -> bool:
        day = self.tested_date(context)
        weekday = DAYS.index(str(self.get("dayOfWeek")).upper())
        return nth_weekday(day, weekday, str(self.get("dayInMonth")).upper()) == day


@register
class Weekend(DateCondition):
    type, aliases = condition_names("Weekend")
    title = "Condition for weekends (Saturday and Sunday)."
    properties = (DATE,)

    def test(self, context: ConditionContext) -> bool:
        return self.tested_date(context).weekday() >= 5


def _between(current: Any, after: Any, before: Any) -> bool:
    """Kestra's *Between: strictly after `after` and strictly before `before`."""
    if after is None and before is None:
        raise ConditionError("Invalid condition with no before nor after")
    return (after is None or current > after) and (before is None or current < before)


def _bound_problems(spec: dict[str, Any], parse: Callable[[Any], Any]) -> list[tuple[str, str]]:
    problems = []
    for key in ("after", "before"):
        if spec.get(key) is not None:
            try:
                parse(spec[key])
            except (ConditionError, ValueError):
                problems.append((key, f"'{spec[key]}' is not a valid {key} bound"))
    return problems


@register
class DateTimeBetween(DateCondition):
    type, aliases = condition_names("DateTimeBetween")
    title = "Condition for a date between two date-times."
    properties = (
        DATE,
        Property("after", dynamic=False, description="The date must be after this ISO date-time with an offset."),
        Property("before", dynamic=False, description="The date must be before this ISO date-time with an offset."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return _bound_problems(spec, parse_zoned_datetime)

    def test(self, context: ConditionContext) -> bool:
        current = parse_zoned_datetime(context.rendered(self.get("date")))
        return _between(current, _bound(self, "after", parse_zoned_datetime),
                        _bound(self, "before", parse_zoned_datetime))


def _bound(condition: PluginType, key: str, parse: Callable[[Any], Any]) -> Any:
    """The condition's `after` or `before` bound, parsed; None when not given."""
    value = condition.get(key)
    return parse(value) if value is not None else None


def parse_offset_time(value: Any) -> time:
    """Java's OffsetTime: a time of day with its offset (14:00:00+02:00, 09:00Z)."""
    if isinstance(value, int):  # YAML 1.1 reads 14:00:00 without quotes as seconds
        raise ConditionError(f"'{value}' is not a time with an offset such as 14:00:00+02:00")
    try:
        parsed = time.fromisoformat(str(value).strip())
    except ValueError:
        raise ConditionError(f"'{value}' is not a time with an offset such as 14:00:00+02:00") from None
    if parsed.tzinfo is None:
        raise ConditionError(f"'{value}' has no offset: write it like 14:00:00+02:00")
    return parsed


@register
class TimeBetween(DateCondition):
    type, aliases = condition_names("TimeBetween")
    title = "Condition for a time of day between two times."
    properties = (
        DATE,
        Property("after", dynamic=False, description="The time must be after this time with its offset."),
        Property("before", dynamic=False, description="The time must be before this time with its offset."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return _bound_problems(spec, parse_offset_time)

    def test(self, context: ConditionContext) -> bool:
        moment: datetime = parse_zoned_datetime(context.rendered(self.get("date")))
        current = moment.astimezone(timezone(moment.utcoffset() or timedelta(0))).timetz()
        return _between(current, _bound(self, "after", parse_offset_time), _bound(self, "before", parse_offset_time))
