"""date, dateAdd and the timestamp filters, in the server time zone (TZ)."""
from datetime import UTC, date, datetime

import pytest

from expressions import ExpressionError, render

START = datetime(2024, 1, 15, 10, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")


def r(template, **variables):
    return render(template, {"start": START, **variables})


def test_it_formats_with_a_java_pattern():
    assert r("{{ start | date(\"yyyy-MM-dd'T'HH:mm:ss\") }}") == "2024-01-15T10:00:00"
    assert r("{{ start | date('EEEE d MMMM yyyy, h:mm a') }}") == "Monday 15 January 2024, 10:00 AM"


def test_it_formats_in_a_given_time_zone():
    assert r("{{ start | date('yyyy-MM-dd HH:mm XXX', timeZone='Europe/Paris') }}") == "2024-01-15 11:00 +01:00"


def test_without_a_format_it_writes_kestra_iso():
    assert r("{{ start | date }}") == "2024-01-15T10:00:00.123456Z"


def test_named_formats():
    assert r("{{ start | date('iso_sec') }}|{{ start | date('sql') }}|{{ start | date('iso_date') }}") \
        == "2024-01-15T10:00:00Z|2024-01-15 10:00:00.123456|2024-01-15Z"
    assert r("{{ start | date('iso_date_time') }}|{{ start | date('iso_instant') }}") \
        == "2024-01-15T10:00:00.123456Z[UTC]|2024-01-15T10:00:00.123456Z"
    assert r("{{ start | date('rfc_1123_date_time') }}") == "Mon, 15 Jan 2024 10:00:00 GMT"


def test_it_reads_iso_strings_dates_and_epochs():
    assert r("{{ '2024-01-15T10:00:00Z' | date('yyyy-MM-dd HH:mm') }}") == "2024-01-15 10:00"
    assert r("{{ '2024-01-15T10:00:00+02:00' | date('HH:mm') }}") == "08:00"
    assert r("{{ '2024-01-15' | date('yyyy/MM/dd HH:mm') }}") == "2024/01/15 00:00"
    assert r("{{ value | date('yyyy-MM-dd HH:mm') }}", value=date(2024, 1, 15)) == "2024-01-15 12:00"
    assert r("{{ 1705312800 | date('yyyy-MM-dd HH:mm') }}") == "2024-01-15 10:00"


def test_it_reads_a_string_with_its_existing_format():
    assert r("{{ 'July 24, 2001' | date('yyyy-MM-dd', existingFormat='MMMM dd, yyyy') }}") == "2001-07-24"
    assert r("{{ '24/07/2001 13:05' | date(\"yyyy-MM-dd'T'HH:mm\", existingFormat='dd/MM/yyyy HH:mm') }}") \
        == "2001-07-24T13:05"


def test_it_reports_an_unreadable_date():
    with pytest.raises(ExpressionError, match="existingFormat"):
        r("{{ 'not a date' | date('yyyy') }}")


def test_date_add():
    assert r("{{ start | dateAdd(-1, 'DAYS') }}") == "2024-01-14T10:00:00.123456Z"
    assert r("{{ start | dateAdd(2, 'HOURS', 'HH:mm') }}") == "12:00"
    assert r("{{ '2024-01-31' | dateAdd(1, 'MONTHS', 'yyyy-MM-dd') }}") == "2024-02-29"


def test_date_add_keeps_local_time_across_daylight_saving():
    template = ("{{ '2024-03-30T12:00:00+01:00[Europe/Paris]' "
                "| dateAdd(1, 'DAYS', 'HH:mm XXX', timeZone='Europe/Paris') }}")
    assert r(template) == "12:00 +02:00"


def test_timestamps():
    assert r("{{ start | timestamp }}|{{ start | timestampMilli }}") == "1705312800|1705312800123"
    assert r("{{ start | timestampMicro }}|{{ start | timestampNano }}") == "1705312800123456|1705312800123456000"


def test_now_is_in_the_server_time_zone():
    rendered = r("{{ now() }}")
    assert rendered.endswith("Z") and rendered.startswith(str(datetime.now(UTC).year))
    assert r("{{ now(timeZone='Asia/Kolkata') | date('XXX', timeZone='Asia/Kolkata') }}") == "+05:30"
    assert len(r("{{ now() | date(\"yyyy-MM-dd'T'HH:mm:ss\") }}")) == 19
