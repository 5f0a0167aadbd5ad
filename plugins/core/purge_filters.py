"""What the purge tasks (PurgeExecutions, PurgeLogs) read the same way: dates as Kestra
parses them (ZonedDateTime / TypeConverter), each a TaskFailed naming the property."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from plugins.api.context import RunContext, TaskFailed
from plugins.api.instants import NotAnInstant, parse_instant


def date_property(ctx: RunContext, name: str) -> datetime | None:
    value = ctx.render_property(name)
    if value is None or value == "":
        return None
    try:
        return parse_instant(value)
    except NotAnInstant:
        raise TaskFailed(f"{name}: {value!r} is not an ISO-8601 date and time") from None


def text_list(ctx: RunContext, name: str) -> tuple[str, ...]:
    """A rendered list property (a single value is a list of one)."""
    value: Any = ctx.render_property(name)
    if value is None:
        return ()
    return tuple(str(item) for item in (value if isinstance(value, list) else [value]))


def optional_text(ctx: RunContext, name: str) -> str | None:
    value = ctx.render_property(name)
    return None if value in (None, "") else str(value)
