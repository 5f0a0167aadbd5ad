"""Cron expressions as Kestra's Schedule reads them (cron-utils with a Unix definition):
5 fields, or 6 with `withSeconds` (seconds first), or one of the nicknames Kestra
enables; fire dates computed on the wall clock of a time zone.

Daylight saving time follows java.time, which cron-utils builds its dates with: a
wall-clock time that does not exist (02:30 when clocks jump from 02:00 to 03:00) fires
shifted forward by the gap (03:30); a wall-clock time that happens twice fires once,
at the earlier offset.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from croniter import CroniterError, croniter

# cron-utils' nicknames that Kestra's Schedule enables.
NICKNAMES = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
# Tries around a DST change before giving up (one or two are ever needed); a cron that
# never fires (Feb 30th) is told by croniter itself.
SEARCH_STEPS = 8


class CronInvalid(ValueError):
    """Not a cron expression Kestra's Schedule reads; the message says why."""


def cron_problem(cron: Any, with_seconds: bool) -> str | None:
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


def instant(moment: datetime) -> datetime:
    """`moment` in UTC, to compare: Python compares two datetimes of one time zone by
    their wall-clock times, which a fall-back hour repeats."""
    return moment.astimezone(UTC)


def java_zoned(local: datetime, zone: tzinfo) -> datetime:
    """The instant of wall-clock time `local` in `zone`, as java.time's ZonedDateTime.of
    resolves it: in a gap, shifted forward by the gap; in an overlap, the earlier offset."""
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)


@dataclass(frozen=True)
class Cron:
    expression: str
    with_seconds: bool = False
    zone: tzinfo = UTC

    def __post_init__(self) -> None:
        problem = cron_problem(self.expression, self.with_seconds)
        if problem:
            raise CronInvalid(problem)

    def _text(self) -> str:
        text = self.expression.strip()
        return text.lower() if text.startswith("@") else text

    def next_after(self, moment: datetime) -> datetime | None:
        """The first fire date strictly after `moment` (cron-utils' nextExecution), in
        the zone, whole seconds; None when the cron never fires again."""
        return self._step(moment, forward=True)

    def last_before(self, moment: datetime) -> datetime | None:
        """The last fire date strictly before `moment` (cron-utils' lastExecution)."""
        return self._step(moment, forward=False)

    def _step(self, moment: datetime, forward: bool) -> datetime | None:
        local = moment.astimezone(self.zone).replace(tzinfo=None)
        if not forward and local.microsecond:
            local = local.replace(microsecond=0) + timedelta(seconds=1)  # a fire at moment's whole second is before it
        if not forward and _in_second_pass(moment, local, self.zone):
            # The repeated wall-clock times fired at their first pass, all before moment.
            local = _last_repeated(local, self.zone) + timedelta(seconds=1)
        for _ in range(SEARCH_STEPS):
            try:
                iterator = croniter(self._text(), local, second_at_beginning=self.with_seconds)
                candidate_local = iterator.get_next(datetime) if forward else iterator.get_prev(datetime)
            except CroniterError:
                return None
            candidate = java_zoned(candidate_local, self.zone)
            if (instant(candidate) > instant(moment)) if forward else (instant(candidate) < instant(moment)):
                return candidate
            # The wall-clock time came back around a DST change: look further, past the
            # wall-clock times that happen twice (they fire at their first pass only).
            local = _last_repeated(candidate_local, self.zone) if forward else candidate_local
        return None


def _repeated(local: datetime, zone: tzinfo) -> bool:
    return local.replace(tzinfo=zone, fold=0).utcoffset() != local.replace(tzinfo=zone, fold=1).utcoffset()


def _in_second_pass(moment: datetime, local: datetime, zone: tzinfo) -> bool:
    """Whether `moment` is the second time its wall-clock time `local` happens."""
    second_offset = local.replace(tzinfo=zone, fold=1).utcoffset()
    return _repeated(local, zone) and moment.astimezone(zone).utcoffset() == second_offset


def _last_repeated(local: datetime, zone: tzinfo) -> datetime:
    """The last whole second of the repeated wall-clock span `local` is in (a fall-back
    hour), found by bisection; `local` itself when it is not repeated."""
    if not _repeated(local, zone):
        return local
    low, high = 0, 2 * 3600  # no zone repeats more than two hours
    while low < high:
        middle = (low + high + 1) // 2
        if _repeated(local + timedelta(seconds=middle), zone):
            low = middle
        else:
            high = middle - 1
    return local + timedelta(seconds=low)
