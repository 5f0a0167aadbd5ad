"""Durations read as java.time.Duration.parse reads them (JDK's Duration.parse and its
DurationTest tables) and, for task properties, as Kestra's
io.kestra.core.serializers.DurationDeserializer reads them first; printed as
Duration.toString prints them."""
from datetime import timedelta

import pytest

from expressions.java_duration import DurationError, java_duration, parse_duration, parse_java_duration


@pytest.mark.parametrize("text, printed", [
    ("PT5M", "PT5M"),
    ("pt1m", "PT1M"),                 # letters in either case
    ("P2d", "PT48H"),                 # a day is exactly 24 hours
    ("P2DT3H4M5S", "PT51H4M5S"),
    ("PT0.5S", "PT0.5S"),
    ("PT0,5S", "PT0.5S"),             # a comma as the decimal separator
    ("PT-0.5S", "PT-0.5S"),           # the sign of the seconds applies to the fraction
    ("PT1.123456S", "PT1.123456S"),
    ("-PT6H3M", "PT-6H-3M"),          # a leading sign negates the whole
    ("PT-6H3M", "PT-5H-57M"),         # a sign on each part
    ("PT6H-3M", "PT5H57M"),
    ("+PT1H", "PT1H"),
    ("P-1DT1H", "PT-23H"),
    ("-P-1D", "PT24H"),
    ("PT0S", "PT0S"),
    ("PT90S", "PT1M30S"),
    ("P999999999D", "PT23999999976H"),  # the most days a timedelta holds
])
def test_it_reads_what_duration_parse_reads(text, printed):
    assert java_duration(parse_java_duration(text)) == printed


@pytest.mark.parametrize("text", [
    "P1Y", "P1M", "P1W",              # Duration.parse has no years, months or weeks
    "P1Y2M3D", "PT", "P", "P1DT", "T1H", "PT1.5", "PT1H30",
    "", " PT5M", "PT5M ",             # Duration.parse itself trims nothing
    "PT1.1234567890S",                # at most 9 fraction digits
    "PT1S1M", "P1H", "1H",            # parts out of order or in the wrong half
    "P\u0661D",                       # only ASCII digits, as Java's [0-9]
    "5 minutes",
])
def test_it_refuses_what_duration_parse_refuses(text):
    with pytest.raises(DurationError, match="cannot be parsed to a Duration"):
        parse_java_duration(text)


@pytest.mark.parametrize("text", ["P99999999999D", "PT9999999999999999H", "P99999999999999999999D",
                                  "-P1000000000D"])
def test_it_refuses_a_duration_too_long_naming_it(text):
    with pytest.raises(DurationError) as caught:
        parse_java_duration(text)
    assert f"'{text}' is out of range" in str(caught.value)
    assert "999999999 days" in str(caught.value)


@pytest.mark.parametrize("value, seconds", [
    (5, 5), (1.5, 1.5), ("3600", 3600), ("1.5", 1.5), ("-2", -2),  # numbers count seconds
    (" PT5M\n", 300),                 # the deserializer trims text before Duration.parse
    (timedelta(seconds=7), 7),
])
def test_a_task_property_reads_as_kestras_duration_deserializer(value, seconds):
    assert parse_duration(value) == timedelta(seconds=seconds)


@pytest.mark.parametrize("value, message", [
    (True, "not a duration"), ([1], "not a duration"), ({"a": 1}, "not a duration"), (None, "not a duration"),
    ("1.2.3", "not a number of seconds"), ("P1W", "cannot be parsed"),
    (1e30, "out of range"), (float("nan"), "not a finite number"),
])
def test_a_task_property_refuses_what_is_not_a_duration(value, message):
    with pytest.raises(DurationError, match=message):
        parse_duration(value)
