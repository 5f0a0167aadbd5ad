"""Java DateTimeFormatter patterns, checked against what Java 21 prints."""
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from expressions import ExpressionError
from expressions.dates import format_java

UTC_TIME = datetime(2024, 1, 15, 10, 0, 0, 123456, tzinfo=ZoneInfo("UTC"))
KOLKATA = UTC_TIME.astimezone(ZoneInfo("Asia/Kolkata"))


@pytest.mark.parametrize("pattern, expected", [
    ("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX", "2024-01-15T10:00:00.123456Z"),
    ("yy M MM MMM MMMM d dd D", "24 1 01 Jan January 15 15 15"),
    ("EEE EEEE a h hh K k", "Mon Monday AM 10 10 10 10"),
    ("SSS S n", "123 1 123456000"),
    ("z zzzz VV O X XX XXX x Z ZZZZZ", "UTC Coordinated Universal Time UTC GMT Z Z Z +00 +0000 Z"),
    ("Y w e Q QQQ G u", "2024 3 2 1 Q1 AD 2024"),
    ("'It''s' '' [yyyy]", "It's ' 2024"),
])
def test_it_formats_utc(pattern, expected):
    assert format_java(UTC_TIME, pattern) == expected


def test_it_formats_offsets_and_zone_names():
    assert format_java(KOLKATA, "HH:mm a z zzzz VV O OOOO X XX XXX xxx Z ZZZZ") == \
        "15:30 PM IST India Standard Time Asia/Kolkata GMT+5:30 GMT+05:30 +0530 +0530 +05:30 +05:30 +0530 GMT+05:30"


def test_it_refuses_unknown_letters():
    with pytest.raises(ExpressionError, match="Unknown pattern letter"):
        format_java(UTC_TIME, "yyyy-bb")


def test_a_fixed_offset_zone_prints_its_offset():
    fixed = datetime(2024, 1, 15, 10, 0, tzinfo=UTC)
    assert format_java(fixed, "VV z") == "Z Z"
