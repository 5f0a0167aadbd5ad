"""How values print: as Pebble in Kestra (Java text, compact JSON, ISO dates)."""
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from expressions import render


def out(value):
    return render("{{ value }}", {"value": value})


def test_it_prints_booleans_in_lower_case():
    assert render("{{ inputs.flag }}", {"inputs": {"flag": True}}) == "true"
    assert out(False) == "false"


def test_it_prints_null_as_nothing():
    assert out(None) == ""
    assert render("[{{ null }}][{{ none }}]", {}) == "[][]"


def test_it_prints_numbers_as_java_does():
    assert out(42) == "42"
    assert out(2.5) == "2.5"
    assert out(3.0) == "3.0"
    assert out(12345678.9) == "1.23456789E7"
    assert out(0.0001) == "1.0E-4"
    assert out(Decimal("1.50")) == "1.50"


def test_it_prints_maps_and_lists_as_compact_json():
    assert out({"a": 1, "b": [True, None]}) == '{"a":1,"b":[true,null]}'
    assert out(["é", 'q"uote', 2.0]) == '["é","q\\"uote",2.0]'


def test_it_prints_datetimes_in_iso_8601():
    assert out(datetime(2024, 1, 15, 10, 0, tzinfo=UTC)) == "2024-01-15T10:00:00Z"
    assert out(datetime(2024, 1, 15, 10, 0, 0, 123000, tzinfo=UTC)) == "2024-01-15T10:00:00.123Z"
    assert out(datetime(2024, 1, 15, 11, 0, tzinfo=ZoneInfo("Europe/Paris"))) == "2024-01-15T11:00:00+01:00"
    assert out(date(2024, 1, 15)) == "2024-01-15"


def test_it_prints_durations_as_java_does():
    assert out(timedelta(hours=1, minutes=30)) == "PT1H30M"


def test_a_single_expression_still_renders_to_a_string():
    assert render("{{ count + 1 }}", {"count": 41}) == "42"
    assert isinstance(render("{{ count + 1 }}", {"count": 41}), str)


def test_it_keeps_the_text_around_expressions_and_a_trailing_newline():
    assert render("a {{ x }} b\n", {"x": 1}) == "a 1 b\n"


def test_it_trims_whitespace_with_dashes():
    assert render("a  {{- x -}}  b", {"x": 1}) == "a1b"
