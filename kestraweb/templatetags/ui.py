"""Template helpers every page uses: dates in the user's format, durations, states,
links that keep the current filters."""
from __future__ import annotations

from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from kestraweb.pages.label_filter import as_text

register = template.Library()

_FORMATS = {"iso": "%Y-%m-%d %H:%M:%S", "us": "%m/%d/%Y, %I:%M:%S %p"}


@register.simple_tag(takes_context=True)
def when(context, moment: datetime | None) -> str:
    """A date in the user's chosen format (Settings), in the server's time zone."""
    if moment is None:
        return ""
    preferences = context.get("preferences")
    chosen = getattr(preferences, "date_format", "iso")
    if chosen == "relative":
        return f"{timesince(moment)} ago" if moment <= timezone.now() else f"in {timesince(timezone.now(), moment)}"
    return timezone.localtime(moment).strftime(_FORMATS.get(chosen, _FORMATS["iso"]))


@register.filter
def label_filter(label: dict) -> str:
    """A label ({key, value}) as the lists' label filter reads it back whole."""
    return as_text(f"{label.get('key', '')}:{label.get('value', '')}")


@register.filter
def duration(value: timedelta | float | int | None) -> str:
    """1h 2m, 3m 4s, 5.2s or 120ms: short enough for a table cell."""
    if value is None:
        return ""
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, rest = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {rest}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m"


@register.inclusion_tag("components/state.html")
def state(value: str):
    return {"state": value}


@register.simple_tag(takes_context=True)
def with_query(context, **changes) -> str:
    """The current query string with some parameters changed (a pager's next page, a
    sort link), so a link never drops the filters in place."""
    query = context["request"].GET.copy()
    for name, value in changes.items():
        if value in (None, ""):
            query.pop(name, None)
        else:
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
