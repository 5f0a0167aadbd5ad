"""Kestra's Schedule trigger checked when the flow is saved, as its ScheduleValidator
and Jackson do: known properties only, a cron of 5 fields (6 with `withSeconds: true`,
seconds first) or one of cron-utils' nicknames, a real time zone."""
from __future__ import annotations

import zoneinfo

from croniter import croniter

from .errors import SpecError
from .property_types import value_problem
from .strict import unknown_keys
from .yaml_lines import line_of

SCHEDULE_TYPES = ("io.kestra.plugin.core.trigger.Schedule", "io.kestra.core.models.triggers.types.Schedule")
# Kestra's AbstractTrigger, then Schedule's own properties.
SCHEDULE_KEYS = ("id", "type", "description", "conditions", "disabled", "workerGroup", "logLevel", "labels",
                 "stopAfter", "logToFile", "cron", "withSeconds", "timezone", "interval", "scheduleConditions",
                 "inputs", "lateMaximumDelay", "backfill", "recoverMissedSchedules")
# cron-utils' nicknames that Kestra's Schedule enables.
NICKNAMES = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
KINDS = {"withSeconds": "boolean", "disabled": "boolean", "logToFile": "boolean", "lateMaximumDelay": "duration",
         "inputs": "object", "backfill": "object", "conditions": "array", "scheduleConditions": "array"}


def is_schedule(trigger: dict) -> bool:
    return trigger.get("type") in SCHEDULE_TYPES


def cron_problem(cron, with_seconds: bool) -> str | None:
    """Why `cron` is not a cron Kestra's Schedule reads, or None."""
    if not isinstance(cron, str) or not cron.strip():
        return "required: a cron expression such as '0 9 * * *' or '@daily'"
    text = cron.strip()
    if text.startswith("@"):
        return None if text.lower() in NICKNAMES else f"invalid cron expression '{cron}': unknown nickname; " \
                                                     f"one of {', '.join(NICKNAMES)}"
    expected = 6 if with_seconds else 5
    if len(text.split()) != expected:
        fields = "6 fields (seconds first) with withSeconds: true" if with_seconds else "5 fields"
        return f"invalid cron expression '{cron}': expected {fields}, got {len(text.split())}"
    if not croniter.is_valid(text, second_at_beginning=with_seconds):
        return f"invalid cron expression '{cron}': a field is out of range or not cron syntax"
    return None


def schedule_problems(trigger: dict, path: str) -> list[SpecError]:
    trigger_id = trigger.get("id")
    named = f" (trigger '{trigger_id}')" if isinstance(trigger_id, str) else ""
    errors = unknown_keys(trigger, SCHEDULE_KEYS, path, named)
    for key, kind in KINDS.items():
        problem = value_problem(kind, trigger[key]) if trigger.get(key) is not None else None
        if problem:
            errors.append(SpecError(f"{path}.{key}", f"{problem}{named}", line_of(trigger, key)))
    with_seconds = trigger.get("withSeconds") is True
    problem = cron_problem(trigger.get("cron"), with_seconds)
    if problem:
        errors.append(SpecError(f"{path}.cron", f"{problem}{named}", line_of(trigger, "cron")))
    timezone = trigger.get("timezone")
    if timezone is not None:
        try:
            zoneinfo.ZoneInfo(str(timezone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors.append(SpecError(f"{path}.timezone", f"'{timezone}' is not a time zone id{named}",
                                    line_of(trigger, "timezone")))
    return errors
