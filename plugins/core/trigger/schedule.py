"""Kestra's Schedule trigger: starts an execution at each date of a cron, in a time
zone. Its dates are computed by schedule_dates.ScheduleDates."""
from __future__ import annotations

import zoneinfo
from typing import Any

from plugins.api import registry
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.trigger import TriggerType, common_trigger_problems

from .cron import cron_problem

RECOVER_MISSED = ("ALL", "LAST", "NONE")

# The deprecated `backfill` property: replay the dates from `start` (to `end`, or now).
BACKFILL_FIELDS = (
    Property("start", required=True, dynamic=False, description="The first date to replay (ISO-8601)."),
    Property("end", dynamic=False, description="The last date to replay; now when absent."),
    Property("labels", "any", dynamic=False, description="Labels added to the replayed executions."),
    Property("inputs", "object", description="Inputs of the replayed executions."),
)


def zone_problem(timezone: Any) -> str | None:
    """Why `timezone` is not a time zone id java.time knows, or None."""
    try:
        zoneinfo.ZoneInfo(str(timezone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"'{timezone}' is not a time zone id"
    return None


@register
class Schedule(TriggerType):
    type = "io.kestra.plugin.core.trigger.Schedule"
    aliases = ("io.kestra.core.models.triggers.types.Schedule",)
    title = "Schedule a flow based on a cron expression."
    examples = (Example("Every day at 9:00 in Paris, skipping weekends", """\
id: every_morning
type: io.kestra.plugin.core.trigger.Schedule
cron: "0 9 * * *"
timezone: Europe/Paris
conditions:
  - type: io.kestra.plugin.core.condition.Not
    conditions:
      - type: io.kestra.plugin.core.condition.Weekend
"""),)
    properties = (
        Property("cron", required=True, dynamic=False,
                 description="A Unix cron of 5 fields (6 with withSeconds, seconds first) or a nickname such as "
                             "@daily or @hourly."),
        Property("withSeconds", "boolean", default=False, dynamic=False,
                 description="The cron has a 6th field, first, for seconds."),
        Property("timezone", dynamic=False, description="The time zone id the cron is read in (default UTC)."),
        Property("interval", "duration", dynamic=False, description="Not supported: must stay empty."),
        Property("scheduleConditions", "array", items="condition", dynamic=False,
                 description="Deprecated: conditions on the schedule date; use conditions."),
        Property("inputs", "object", description="Inputs of the executions it starts."),
        Property("lateMaximumDelay", "duration", dynamic=False,
                 description="A date whose execution could not start within this delay is skipped."),
        Property("backfill", "object", dynamic=False, fields=BACKFILL_FIELDS,
                 description="Deprecated: replay the dates since `start`; use the Triggers page's backfill."),
        Property("recoverMissedSchedules", "enum", values=RECOVER_MISSED, dynamic=False,
                 description="What to do with dates missed while the scheduler was down: ALL, LAST or NONE."),
    )
    outputs = (
        Output("date", "string", "The date of the current schedule."),
        Output("next", "string", "The date of the next schedule."),
        Output("previous", "string", "The date of the previous schedule."),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        """Kestra's ScheduleValidator: a cron it can parse; and a real time zone, no
        `interval` (@Null), a backfill with a start."""
        problems = common_trigger_problems(spec)
        problem = cron_problem(spec.get("cron"), str(spec.get("withSeconds")).lower() == "true")
        if problem:
            problems.append(("cron", problem))
        zone = zone_problem(spec["timezone"]) if spec.get("timezone") is not None else None
        if zone:
            problems.append(("timezone", zone))
        if spec.get("interval") is not None:
            problems.append(("interval", "must be null: a Schedule fires on its cron"))
        for index, condition in enumerate(spec.get("scheduleConditions") or ()):
            found = registry.resolve_condition(str(condition.get("type"))) if isinstance(condition, dict) else None
            if found is not None and not found.schedule_condition:
                problems.append((f"scheduleConditions[{index}]", f"{condition['type']} is not a schedule condition"))
        backfill = spec.get("backfill")
        if isinstance(backfill, dict) and backfill.get("start") is None:
            problems.append(("backfill.start", "required property missing"))
        return problems

    def conditions(self) -> list[dict[str, Any]]:
        """`conditions` then the deprecated `scheduleConditions` (Schedule#getConditions)."""
        return [*(self.spec.get("conditions") or ()), *(self.spec.get("scheduleConditions") or ())]
