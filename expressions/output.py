"""How values print, as Pebble prints them in Kestra: true/false, nothing for null,
maps and lists as compact JSON, dates in ISO-8601."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta


def to_json_default(value):
    if isinstance(value, (datetime, date, time)):
        return iso(value)
    if isinstance(value, timedelta):
        from plugins.durations import format_duration

        return format_duration(value)
    return str(value)


def compact_json(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=to_json_default)


def iso(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    return value.isoformat()


def java_str(value) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return {True: "NaN"}.get(value != value, "Infinity" if value > 0 else "-Infinity")
        return repr(value)
    if isinstance(value, (dict, list, tuple)):
        return compact_json(value)
    if isinstance(value, (datetime, date, time)):
        return iso(value)
    return str(value)
