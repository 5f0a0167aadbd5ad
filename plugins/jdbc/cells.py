"""Cells as Kestra's AbstractCellConverter hands them on: simple values as they are,
dates as java.time values, UUIDs and big integers as text. Each database's dialect
turns its driver's values into these first (a MySQL TIME is a duration to PyMySQL and
a LocalTime to Kestra); `jsonable` then writes them as Kestra's JSON does."""
from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from expressions.dates.named import FORMATTERS as UNTYPED_FORMATTERS
from expressions.dates.zones import offset_id

from .errors import JdbcError

# Kestra's java.time formatters by name, each a function of a date to its text.
FORMATTERS: dict[str, Callable[[Any], str]] = UNTYPED_FORMATTERS
LONG_RANGE = (-(2 ** 63), 2 ** 63 - 1)


class Instant(datetime):
    """A java.time.Instant: a UTC moment that Jackson writes with `Z` (ISO_INSTANT)."""

    @classmethod
    def of(cls, moment: datetime) -> Instant:
        utc = moment.astimezone(UTC)
        return cls(utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, utc.microsecond, UTC)


def convert(value: Any, column: str, type_name: str, zone: Any) -> Any:
    """AbstractCellConverter#convert: the value of one cell, or an error naming the
    column and its type when Kestra would not take it either."""
    if value is None or isinstance(value, (str, bool, float, Decimal, bytes, date, time)):
        return value  # date covers datetime: a dialect has placed it in its zone already
    if isinstance(value, int):
        return value if LONG_RANGE[0] <= value <= LONG_RANGE[1] else str(value)  # BigInteger
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [convert(item, column, type_name, zone) for item in value]  # a PgArray
    if isinstance(value, dict):
        return value  # json, jsonb, hstore
    raise JdbcError(f"Data of type '{type(value).__name__}' for column '{column}' is not supported, the column "
                    f"type is '{type_name}'")


def jsonable(value: Any) -> Any:
    """A converted cell as Kestra's Jackson writes it in outputs and trigger variables:
    dates as ISO-8601 text, decimals as numbers, bytes as base64."""
    if isinstance(value, Instant):
        return FORMATTERS["iso_instant"](value)
    if isinstance(value, datetime):
        local = FORMATTERS["iso_local_date_time"](value)
        return local if value.tzinfo is None else local + _offset(value)
    if isinstance(value, date):
        return FORMATTERS["iso_local_date"](value)
    if isinstance(value, time):
        return FORMATTERS["iso_local_time"](value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        whole = isinstance(exponent, int) and exponent >= 0 and value == value.to_integral_value()
        return int(value) if whole else float(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


def _offset(moment: datetime) -> str:
    """ISO_OFFSET_DATE_TIME's offset: `Z` at UTC, `+02:00` otherwise."""
    offset = moment.utcoffset()
    return offset_id(offset if offset is not None else timedelta(0))
