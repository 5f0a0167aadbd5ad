"""The browser's date-and-time pickers (`datetime-local`) know no time zone: a value
picked there is read in the server's time zone, the one every page shows dates in
(kestraweb.templatetags.ui.when), so what a user picks is what they see elsewhere."""
from __future__ import annotations

import re
from datetime import datetime

from django.utils import timezone

from plugins.api.instants import NotAnInstant, format_instant, parse_instant

LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
PICKER_FORMAT = "%Y-%m-%dT%H:%M:%S"


def picked_instant(text: str) -> str:
    """A picker's value as an instant in UTC (`2024-01-31T09:00:00Z`); any other text
    (one that already has its offset, or no date at all) is left for the input's own
    parser to accept or name."""
    if not LOCAL.fullmatch(text.strip()):
        return text
    moment = timezone.make_aware(datetime.fromisoformat(text.strip()), timezone.get_current_timezone())
    return format_instant(moment)


def picker_value(value) -> str | None:
    """An instant (a default such as `2024-01-31T10:00:00Z`) as the picker shows it."""
    try:
        moment = parse_instant(value)
    except NotAnInstant:
        return None
    return timezone.localtime(moment).strftime(PICKER_FORMAT)
