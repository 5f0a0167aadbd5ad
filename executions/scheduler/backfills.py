"""A backfill as TriggerState keeps it (Kestra's Backfill: start, end, current date,
inputs, labels, paused), and setting one as the admin (or Kestra's backfill API) does."""
from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from executions.models import TriggerState
from plugins.core.trigger.schedule_dates import Backfill

from .scheduled_flows import trigger_of
from .timetables import ScheduleTimetable, timetable_for


class BackfillInvalid(Exception):
    """A backfill that cannot be set: the reason names the field."""


def _date(text: str) -> datetime:
    return datetime.fromisoformat(text)


def as_record(timetable, backfill: Backfill) -> dict:
    """The JSON a state keeps; `current` starts at the first cron date from `start`."""
    current = timetable.cron_date_at_or_after(backfill.start)
    return {"start": backfill.start.isoformat(), "end": backfill.end.isoformat(),
            "current": (current or backfill.end).isoformat(), "inputs": backfill.inputs,
            "labels": backfill.labels, "paused": backfill.paused}


def from_record(record: dict) -> Backfill:
    return Backfill(start=_date(record["start"]), end=_date(record["end"]), current=_date(record["current"]),
                    paused=bool(record.get("paused")), inputs=dict(record.get("inputs") or {}),
                    labels=list(record.get("labels") or []))


def advanced(record: dict, current: datetime) -> dict:
    return {**record, "current": current.isoformat()}


def set_backfill(state: TriggerState, start: datetime, end: datetime | None = None, inputs: dict | None = None,
                 labels: list | None = None) -> None:
    """Replay the trigger's dates from `start` to `end` (now when None), before its
    normal dates; only a Schedule has a backfill (Kestra's ScheduleBackfill)."""
    found = trigger_of(state.namespace, state.flow_id, state.trigger_id)
    timetable = timetable_for(found.spec, found.facts) if found is not None else None
    if not isinstance(timetable, ScheduleTimetable):
        raise BackfillInvalid(f"trigger {state}: only an enabled Schedule trigger can be backfilled")
    end = end or timezone.now()
    if start.tzinfo is None or end.tzinfo is None:
        raise BackfillInvalid("start and end must have a time zone offset")
    if start > end:
        raise BackfillInvalid(f"start ({start.isoformat()}) must be before end ({end.isoformat()})")
    if end > timezone.now():
        raise BackfillInvalid(f"end ({end.isoformat()}) must be in the past: a backfill replays past dates")
    state.backfill = as_record(timetable, Backfill(start=start, end=end, current=start, inputs=inputs or {},
                                                   labels=labels or []))
    state.save(update_fields=["backfill", "updated"])
