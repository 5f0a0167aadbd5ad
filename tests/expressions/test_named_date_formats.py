"""The named formats of `date` (and of dateAdd, now, which take `format`) are the ones
Kestra's AbstractDate maps to java.time's DateTimeFormatter constants, and each prints
what that constant prints. Expected texts are what Java printed for the same instant
and zone (`DateTimeFormatter.ISO_*.withLocale(Locale.US).withZone(zone).format(...)`),
including years before 1000 and the odd-second offsets of local mean time."""
import pytest

from expressions import ExpressionError, render

JAVA_PRINTED = [
    ("iso_date", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-01-01+05:30"),
    ("iso_date", "America/New_York", "0999-03-04T05:06:07Z", "0999-03-04-04:56:02"),
    ("iso_date", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-07-01+02:00"),
    ("iso_date", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03Z"),
    ("iso_date_time", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-01-01T04:00:00.1002+05:30"),
    ("iso_date_time", "America/New_York", "0999-03-04T05:06:07Z", "0999-03-04T00:10:05-04:56:02[America/New_York]"),
    ("iso_date_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-07-01T01:59:59.123+02:00[Europe/Paris]"),
    ("iso_date_time", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03T10:00:00.123456Z[UTC]"),
    ("iso_instant", "+05:30", "2020-12-31T22:30:00.100200Z", "2020-12-31T22:30:00.100200Z"),
    ("iso_instant", "America/New_York", "0999-03-04T05:06:07Z", "0999-03-04T05:06:07Z"),
    ("iso_instant", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-06-30T23:59:59.123Z"),
    ("iso_instant", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03T10:00:00.123456Z"),
    ("iso_local_date", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-01-01"),
    ("iso_local_date", "America/New_York", "0999-03-04T05:06:07Z", "0999-03-04"),
    ("iso_local_date", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-07-01"),
    ("iso_local_date", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03"),
    ("iso_local_date_time", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-01-01T04:00:00.1002"),
    ("iso_local_date_time", "America/New_York", "0999-03-04T05:06:07Z", "0999-03-04T00:10:05"),
    ("iso_local_date_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-07-01T01:59:59.123"),
    ("iso_local_date_time", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03T10:00:00.123456"),
    ("iso_local_time", "+05:30", "2020-12-31T22:30:00.100200Z", "04:00:00.1002"),
    ("iso_local_time", "America/New_York", "0999-03-04T05:06:07Z", "00:10:05"),
    ("iso_local_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "01:59:59.123"),
    ("iso_local_time", "UTC", "2021-01-03T10:00:00.123456Z", "10:00:00.123456"),
    ("iso_offset_time", "+05:30", "2020-12-31T22:30:00.100200Z", "04:00:00.1002+05:30"),
    ("iso_offset_time", "America/New_York", "0999-03-04T05:06:07Z", "00:10:05-04:56:02"),
    ("iso_offset_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "01:59:59.123+02:00"),
    ("iso_offset_time", "UTC", "2021-01-03T10:00:00.123456Z", "10:00:00.123456Z"),
    ("iso_ordinal_date", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-001+05:30"),
    ("iso_ordinal_date", "America/New_York", "0999-03-04T05:06:07Z", "0999-063-04:56:02"),
    ("iso_ordinal_date", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-183+02:00"),
    ("iso_ordinal_date", "UTC", "2021-01-03T10:00:00.123456Z", "2021-003Z"),
    ("iso_time", "+05:30", "2020-12-31T22:30:00.100200Z", "04:00:00.1002+05:30"),
    ("iso_time", "America/New_York", "0999-03-04T05:06:07Z", "00:10:05-04:56:02"),
    ("iso_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "01:59:59.123+02:00"),
    ("iso_time", "UTC", "2021-01-03T10:00:00.123456Z", "10:00:00.123456Z"),
    ("iso_week_date", "+05:30", "2020-12-31T22:30:00.100200Z", "2020-W53-5+05:30"),
    ("iso_week_date", "America/New_York", "0999-03-04T05:06:07Z", "0999-W10-1-04:56:02"),
    ("iso_week_date", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-W27-1+02:00"),
    ("iso_week_date", "UTC", "2021-01-03T10:00:00.123456Z", "2020-W53-7Z"),
    ("iso_zoned_date_time", "+05:30", "2020-12-31T22:30:00.100200Z", "2021-01-01T04:00:00.1002+05:30"),
    ("iso_zoned_date_time", "America/New_York", "0999-03-04T05:06:07Z",
     "0999-03-04T00:10:05-04:56:02[America/New_York]"),
    ("iso_zoned_date_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "2024-07-01T01:59:59.123+02:00[Europe/Paris]"),
    ("iso_zoned_date_time", "UTC", "2021-01-03T10:00:00.123456Z", "2021-01-03T10:00:00.123456Z[UTC]"),
    ("rfc_1123_date_time", "+05:30", "2020-12-31T22:30:00.100200Z", "Fri, 1 Jan 2021 04:00:00 +0530"),
    ("rfc_1123_date_time", "America/New_York", "0999-03-04T05:06:07Z", "Mon, 4 Mar 0999 00:10:05 -0456"),
    ("rfc_1123_date_time", "Europe/Paris", "2024-06-30T23:59:59.123Z", "Mon, 1 Jul 2024 01:59:59 +0200"),
    ("rfc_1123_date_time", "UTC", "2021-01-03T10:00:00.123456Z", "Sun, 3 Jan 2021 10:00:00 GMT"),
    ("iso", "UTC", "2024-01-05T03:04:05Z", "2024-01-05T03:04:05.000000Z"),
    ("iso_sec", "UTC", "2024-01-05T03:04:05Z", "2024-01-05T03:04:05Z"),
    ("sql", "UTC", "2024-01-05T03:04:05Z", "2024-01-05 03:04:05.000000"),
    ("sql_seq", "UTC", "2024-01-05T03:04:05Z", "2024-01-05 03:04:05"),
]


@pytest.mark.parametrize("name, zone, instant, printed", JAVA_PRINTED)
def test_each_named_format_prints_what_its_java_constant_prints(name, zone, instant, printed):
    assert render("{{ instant | date(name, timeZone=zone) }}", {"instant": instant, "name": name, "zone": zone}) \
        == printed


def test_date_add_and_now_take_the_same_names():
    assert render("{{ '2024-01-05T03:04:05Z' | dateAdd(1, 'DAYS', format='iso_week_date', timeZone='UTC') }}",
                  {}) == "2024-W01-6Z"
    assert render("{{ now(format='iso_local_date', timeZone='UTC') | length }}", {}) == "10"


@pytest.mark.parametrize("name", ["basic_iso_date", "iso_offset_date_time", "iso_offset_date"])
def test_a_constant_kestra_does_not_map_is_read_as_a_pattern_and_refused(name):
    """AbstractDate maps only its own list; anything else goes to DateTimeFormatter.ofPattern,
    which refuses these letters as Java does ("Unknown pattern letter")."""
    with pytest.raises(ExpressionError, match="Unknown pattern letter"):
        render("{{ '2024-01-05T03:04:05Z' | date(name) }}", {"name": name})
