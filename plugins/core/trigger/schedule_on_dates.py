"""Kestra's ScheduleOnDates trigger: starts an execution at each of a list of dates."""
from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from plugins.api.properties import Example, Property
from plugins.api.registry import register
from plugins.api.trigger import TriggerType, common_trigger_problems

from .schedule import RECOVER_MISSED, zone_problem


class DateInvalid(ValueError):
    """A rendered date of ScheduleOnDates that is not an ISO date-time with an offset."""


@register
class ScheduleOnDates(TriggerType):
    type = "io.kestra.plugin.core.trigger.ScheduleOnDates"
    title = "Schedule a flow based on specific dates."
    examples = (Example("Run on two given dates", """\
id: on_dates
type: io.kestra.plugin.core.trigger.ScheduleOnDates
timezone: Europe/Paris
dates:
  - 2030-01-01T09:00:00+01:00
  - 2030-07-01T09:00:00+02:00
"""),)
    properties = (
        Property("dates", "array", required=True,
                 description="The dates to start an execution on (ISO-8601 date-times with an offset)."),
        Property("timezone", dynamic=False, description="The time zone the dates are given in to the execution."),
        Property("inputs", "object", description="Inputs of the executions it starts."),
        Property("recoverMissedSchedules", "enum", values=RECOVER_MISSED, dynamic=False,
                 description="What to do with dates missed while the scheduler was down: ALL, LAST or NONE."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        problems = common_trigger_problems(spec)
        zone = zone_problem(spec["timezone"]) if spec.get("timezone") is not None else None
        if zone:
            problems.append(("timezone", zone))
        dates = spec.get("dates")
        if isinstance(dates, list):
            for index, value in enumerate(dates):
                if isinstance(value, str) and "{{" in value:
                    continue
                try:
                    parse_date(value)
                except DateInvalid as exc:
                    problems.append((f"dates[{index}]", str(exc)))
        return problems


def parse_date(value: Any) -> datetime:
    """An ISO date-time with an offset (Java's ZonedDateTime)."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    text = str(value).strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DateInvalid(f"'{value}' is not a date-time such as 2025-01-01T09:00:00+01:00") from None
    if parsed.tzinfo is None:
        raise DateInvalid(f"'{value}' has no offset: write it like 2025-01-01T09:00:00+01:00")
    return parsed


def sorted_dates(rendered_dates: list[Any]) -> list[datetime]:
    return sorted(parse_date(value).replace(microsecond=0) for value in rendered_dates)


def next_date(rendered_dates: list[Any], last: datetime | None, timezone: str | None = None,
              inclusive: bool = False) -> datetime | None:
    """The first date after `last` (at or after it when `inclusive`, as evaluate()
    looks for the date due), moved to `timezone`; the first date when `last` is None."""
    for date in sorted_dates(rendered_dates):
        if last is None or date > last or (inclusive and date == last):
            return date.astimezone(ZoneInfo(timezone)) if timezone else date
    return None


def next_evaluation_date(rendered_dates: list[Any], last: datetime | None, now: datetime) -> datetime:
    """When the scheduler evaluates next (ScheduleOnDates#nextEvaluationDate): the date
    after the last one, or a year from now once none is left (so it is not evaluated
    again and again); without a last date, the first date, or now."""
    if last is None:
        dates = sorted_dates(rendered_dates)
        return dates[0] if dates else now.replace(microsecond=0)
    found = next_date(rendered_dates, last)
    return found if found is not None else a_year_after(now).replace(microsecond=0)


def a_year_after(moment: datetime) -> datetime:
    """Java's plusYears(1): February 29th becomes February 28th."""
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:
        return moment.replace(year=moment.year + 1, day=28)


def previous_evaluation_date(rendered_dates: list[Any], now: datetime) -> datetime:
    """The latest date before now, or now (ScheduleOnDates#previousEvaluationDate)."""
    before = [date for date in sorted_dates(rendered_dates) if date < now]
    return before[-1] if before else now
