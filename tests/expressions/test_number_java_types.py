"""`number` gives the Java type Kestra's NumberFilter gives
(io.kestra.core.runners.pebble.filters.NumberFilter, which calls commons-lang's
NumberUtils.createNumber or, with `type`, one of its createInteger/createLong/...;
NumberFilterTest), and `className` names it (ClassNameFilter)."""
import pytest

from expressions import ExpressionError, render


def number(text: str, type_: str | None = None) -> tuple[str, str]:
    call = f"number('{type_}')" if type_ else "number"
    printed, _, java_class = render(f"{{{{ '{text}' | {call} }}}}|{{{{ '{text}' | {call} | className }}}}", {}) \
        .partition("|")
    return printed, java_class


@pytest.mark.parametrize("text, printed, java_class", [
    ("12", "12", "java.lang.Integer"),
    ("-2147483648", "-2147483648", "java.lang.Integer"),
    ("2147483648", "2147483648", "java.lang.Long"),
    ("9223372036854775807", "9223372036854775807", "java.lang.Long"),
    ("99999999999999999999", "99999999999999999999", "java.math.BigInteger"),
    ("012", "10", "java.lang.Integer"),                 # Integer.decode: a leading 0 is octal
    ("0x1F", "31", "java.lang.Integer"),
    ("#ff", "255", "java.lang.Integer"),
    ("0xFFFFFFFFF", "68719476735", "java.lang.Long"),    # hex: the type by its digit count
    ("0x8000000000000000", "9223372036854775808", "java.math.BigInteger"),
    ("12L", "12", "java.lang.Long"),
    ("99999999999999999999L", "99999999999999999999", "java.math.BigInteger"),
    ("12.3", "12.3", "java.lang.Float"),                # Float prints it as Double does
    ("0.1", "0.1", "java.lang.Float"),
    ("3.14159265", "3.14159265", "java.lang.Double"),   # too many digits for a Float
    ("1.0E-50", "1.0E-50", "java.lang.Double"),          # a Float would underflow to 0
    ("3.14159265358979323846", "3.14159265358979323846", "java.math.BigDecimal"),  # a Double would round
    ("1e400", "1E+400", "java.math.BigDecimal"),          # past a Double's range
    ("1.5F", "1.5", "java.lang.Float"),
    ("1.5D", "1.5", "java.lang.Double"),
])
def test_number_picks_the_java_type_number_utils_picks(text, printed, java_class):
    assert number(text) == (printed, java_class)


@pytest.mark.parametrize("type_, printed, java_class", [
    ("INT", "12", "java.lang.Integer"), ("LONG", "12", "java.lang.Long"),
    ("FLOAT", "12.0", "java.lang.Float"), ("DOUBLE", "12.0", "java.lang.Double"),
    ("BIGDECIMAL", "12", "java.math.BigDecimal"), ("BIGINTEGER", "12", "java.math.BigInteger"),
    ("int", "12", "java.lang.Integer"),                 # not a type name Kestra knows: createNumber decides
])
def test_number_with_a_type_uses_that_type(type_, printed, java_class):
    assert number("12", type_) == (printed, java_class)


@pytest.mark.parametrize("text, type_", [
    ("99999999999", "INT"), ("abc", None), ("1.5e", None), (" 12", None), ("12 ", None), ("1_000", None),
    ("1.5", "BIGINTEGER"), ("NaN", None),
])
def test_number_refuses_what_java_refuses(text, type_):
    with pytest.raises(ExpressionError):
        number(text, type_)

