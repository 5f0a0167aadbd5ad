"""What the purge tasks (PurgeExecutions, PurgeLogs) declare and read the same way: the
scope (namespace, flowId) and date range (startDate, endDate, required) of what they
delete; dates as Kestra parses them (ZonedDateTime / TypeConverter), each a TaskFailed
naming the property."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from plugins.api.context import PurgeFilter, RunContext, TaskFailed
from plugins.api.instants import NotAnInstant, parse_instant
from plugins.api.properties import Property


def purge_scope(purged: str) -> tuple[Property, Property]:
    """`namespace` and `flowId`; `purged` names what goes ("executions", "logs")."""
    return (Property("namespace", description="The namespace (a prefix unless flowId is set); all when unset."),
            Property("flowId", description=f"The flow whose {purged} are purged (with namespace)."))


def purge_window(purged: str) -> tuple[Property, Property]:
    """`startDate` and the required `endDate`; `purged` says what they bound ("lines logged")."""
    return (Property("startDate", description=f"Purge {purged} at or after this date."),
            Property("endDate", required=True, description=f"Purge {purged} at or before this date."))


def purge_filter(ctx: RunContext, **narrower: Any) -> PurgeFilter:
    """The scope and window rendered (a TaskFailed when endDate is missing or no date),
    narrowed by what only one purge has (PurgeFilter's states, execution_id, levels)."""
    end = date_property(ctx, "endDate")
    if end is None:
        raise TaskFailed("endDate is required")
    return PurgeFilter(end_date=end, start_date=date_property(ctx, "startDate"),
                       namespace=optional_text(ctx, "namespace"), flow_id=optional_text(ctx, "flowId"), **narrower)


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
