"""abs, number, numberFormat (Java DecimalFormat), round, className."""
from expressions import render


def r(template, **variables):
    return render(template, variables)


def test_abs():
    assert r("{{ -7 | abs }}|{{ -2.5 | abs }}") == "7|2.5"


def test_number_parses_text():
    assert r("{{ '12' | number + 1 }}|{{ '1.5' | number * 2 }}|{{ '0x1F' | number }}") == "13|3.0|31"
    assert r("{{ '12.3' | number | className }}|{{ '12' | number('LONG') | className }}") \
        == "java.lang.Float|java.lang.Long"
    assert r("{{ '9223372036854775807' | number('BIGDECIMAL') | className }}") == "java.math.BigDecimal"


def test_number_format_uses_java_patterns():
    assert r("{{ 3.141592653 | numberFormat('#.##') }}") == "3.14"
    assert r("{{ 3.1 | numberFormat('0.00') }}") == "3.10"
    assert r("{{ 1234567.891 | numberFormat('#,##0') }}") == "1,234,568"
    assert r("{{ 1234.5 | numberFormat('$#,##0.00') }}") == "$1,234.50"
    assert r("{{ 0.256 | numberFormat('#%') }}") == "26%"
    assert r("{{ 2.5 | numberFormat('0') }}") == "2"


def test_round():
    assert r("{{ 2.5 | round }}|{{ 3.14159 | round(2) }}") == "3|3.14"


def test_class_name():
    assert r("{{ 'x' | className }}|{{ 1 | className }}|{{ {'a': 1} | className }}") \
        == "java.lang.String|java.lang.Integer|java.util.LinkedHashMap"
