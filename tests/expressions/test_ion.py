"""Ion text as Kestra's ION mapper writes and reads it (JacksonMapper.ofIon with
io.kestra.core.serializers.ion.IonModule/IonGenerator/IonParser, over ion-java's text
writer): the toIon filter (ToIonFilter, ToIonFilterTest) and the fromIon function
(FromIonFunction, FromIonFunctionTest), one writer and reader in expressions/ion/."""
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from expressions import ExpressionError, render
from expressions.ion import IonError, read_all, read_first, to_ion


@pytest.mark.parametrize("value, text", [
    (None, "null"), (True, "true"), ("string", '"string"'), (1, "1"), (-12, "-12"),
    (99999999999999999999, "99999999999999999999"),
    (1.1230000257492065, "1.1230000257492065e0"),  # ToIonFilterTest: a Float widened to double
    (2.5, "2.5e0"), (2.0, "2e0"), (1e10, "1.0E10"), (0.0, "0e0"), (-0.0, "-0e0"),  # ion-java's printFloat
    (float("nan"), "nan"), (float("inf"), "+inf"), (float("-inf"), "-inf"),
    (Decimal("12"), "12."), (Decimal("1.50"), "1.50"), (Decimal("1E+3"), "1d3"),  # printDecimal
    (Decimal("0.00012"), "0.00012"), (Decimal("1E-10"), "1d-10"),
    ("a\"b\\c\n\t\x01\x7f\x85é", '"a\\"b\\\\c\\n\\t\\x01\\x7f\\x85é"'),  # printCodePoints in UTF-8
    (["string", 1, 1.5], '["string",1,1.5e0]'),
    ({"empty_object": {}}, "{empty_object:{}}"),
    ({"int": 1, "x y": 2, "null": 3, "$1": 4, "it's": 5}, "{int:1,'x y':2,'null':3,'$1':4,'it\\'s':5}"),
    (date(2024, 1, 15), "2024-01-15"),              # IonModule: a LocalDate is an Ion timestamp
    (datetime(2013, 9, 8, 16, 19, tzinfo=ZoneInfo("Europe/Paris")),
     'ZonedDateTime::"2013-09-08T16:19:00+02:00[Europe/Paris]"'),
    (datetime(2013, 9, 8, 16, 19, 0, 500000), 'LocalDateTime::"2013-09-08T16:19:00.5"'),
    (time(10, 30), 'LocalTime::"10:30:00"'),
    (timedelta(hours=1, minutes=30), '"PT1H30M"'),   # Jackson writes a Duration as text
    (b"hello", "{{aGVsbG8=}}"),
])
def test_it_writes_ion_as_kestra_does(value, text):
    assert to_ion(value) == text


@pytest.mark.parametrize("text, value", [
    ("null", None), ("null.struct", None), ("true", True), ("nan", "nan"), ("+inf", float("inf")),
    ("12", 12), ("-0x1F", -31), ("0b101", 5), ("1_000", 1000),
    ("12.", Decimal("12")), ("1.50", Decimal("1.50")), ("1d3", Decimal("1E+3")),  # decimals are BigDecimals
    ("2.5e0", 2.5), ("1.0E10", 1e10),
    ('"a\\nb\\x41\\u00e9\\U0001F600"', "a\nbA\u00e9\U0001F600"), ("'''ab''' /* c */ '''cd'''", "abcd"),
    ("symbol", "symbol"), ("'quoted symbol'", "quoted symbol"),
    ("[1, 2,]", [1, 2]), ("(a + b)", ["a", "+", "b"]),
    ("{a:1, 'b c':[x], \"q\":{}} // comment", {"a": 1, "b c": ["x"], "q": {}}),
    ("{{aGVsbG8=}}", b"hello"), ('{{"hi"}}', b"hi"),
    ("2024-04-21", date(2024, 4, 21)),             # IonParser: a UTC midnight is a LocalDate
    ("2024-04-21T23:00:00.000Z", datetime(2024, 4, 21, 23, tzinfo=UTC)),  # else an Instant
    ("2024-04-21T23:00:00+02:00", datetime(2024, 4, 21, 23, tzinfo=timezone(timedelta(hours=2)))),
    ('ZonedDateTime::"2013-09-08T16:19:00+02:00[Europe/Paris]"',
     datetime(2013, 9, 8, 16, 19, tzinfo=ZoneInfo("Europe/Paris"))),
    ('LocalDateTime::"2013-09-08T16:19:00"', datetime(2013, 9, 8, 16, 19)),
    ('LocalDate::"2020-01-01"', date(2020, 1, 1)),
    ("other::12", 12),                              # annotations Kestra does not know are dropped
    ("$ion_1_0 1", 1),
])
def test_it_reads_ion_as_kestra_does(text, value):
    read = read_first(text)
    if value == "nan":
        assert read != read
    else:
        assert read == value and type(read) is type(value)


@pytest.mark.parametrize("text", ["{not: ion", "[1 2]", '"open', "{a 1}", "2024-13-01", "12abc", "null.nothing"])
def test_it_refuses_what_is_not_ion_saying_where(text):
    with pytest.raises(IonError, match="at line 1, column"):
        read_first(text)


def test_what_it_writes_it_reads_back():
    value = {"a": [1, 2.5, "é\n\x7f", None, {"b c": True}], "when": date(2024, 1, 1), "n": Decimal("1.50")}
    assert read_first(to_ion(value)) == value


def test_the_to_ion_filter():
    assert render("{{ {'a': 1, 'b': [true, null, 'x', 2.5]} | toIon }}", {}) == '{a:1,b:[true,null,"x",2.5e0]}'
    assert render("{{ null | toIon }}", {}) == "null"


def test_the_from_ion_function_reads_the_first_value():
    assert render("{{ fromIon('{date:2024-04-21T23:00:00.000Z, title:\"Main_Page\",views:109787}').title }}",
                  {}) == "Main_Page"
    assert render("{{ fromIon(null) }}", {}) == ""
    assert render("{{ fromIon('{a:1}\n{a:2}').a }}", {}) == "1"


def test_the_from_ion_function_reads_all_rows_when_asked():
    assert render("{{ fromIon('{a:1}\n{a:2}', allRows=true) | length }}", {}) == "2"
    assert read_all("{a:1}\n{a:2}\n") == [{"a": 1}, {"a": 2}]


@pytest.mark.parametrize("template, message", [
    ("{{ fromIon() }}", "expects an argument 'ion'"),
    ("{{ fromIon('{not: ion') }}", "Invalid ion: Expected ',' or '}'"),
    ("{{ fromIon(12) }}", "with type string"),
])
def test_the_from_ion_function_refuses_bad_input(template, message):
    with pytest.raises(ExpressionError, match=message):
        render(template, {})
