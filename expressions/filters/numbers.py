"""Number filters: abs, number (commons-lang's NumberUtils rules, with Kestra's type
names), numberFormat (java.text.DecimalFormat patterns, HALF_EVEN rounding) and round."""
from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from ..errors import ExpressionError
from ..output import java_string
from .number_utils import (
    NotANumber,
    create_big_decimal,
    create_big_integer,
    create_double,
    create_float,
    create_integer,
    create_long,
    create_number,
)
from .types import class_name


def abs_(value):
    if value is None:
        raise ExpressionError('Can not pass null value to "abs" filter.')
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ExpressionError("The 'abs' filter does require as input a number.")
    return abs(value)


_BY_TYPE = {
    "INT": create_integer, "FLOAT": create_float, "LONG": create_long, "DOUBLE": create_double,
    "BIGDECIMAL": create_big_decimal, "BIGINTEGER": create_big_integer,
}


def number(value, /, type=None):  # noqa: A002 - Kestra's argument name
    """Kestra's NumberFilter: `type` (INT, FLOAT, LONG, DOUBLE, BIGDECIMAL, BIGINTEGER,
    spelled as Kestra spells them) picks the Java type; otherwise NumberUtils decides."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExpressionError("'number' filter can only be applied to String. Actual type was: "
                              + class_name(value))
    create = _BY_TYPE.get(java_string(type) if type is not None else "", create_number)
    try:
        return create(value)
    except NotANumber as exc:
        raise ExpressionError(str(exc)) from None


def number_format(value, /, format=None):  # noqa: A002 - Pebble's argument name
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = create_number(value.strip())
        except NotANumber as exc:
            raise ExpressionError(str(exc)) from None
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise ExpressionError("The input for the 'NumberFormat' filter has to be a number.")
    return decimal_format(value, "#,##0.###" if format is None else java_string(format))


def decimal_format(value, pattern: str) -> str:
    """java.text.DecimalFormat for the usual patterns: `#`, `0`, grouping `,`, `.`, a
    literal prefix/suffix, `%` and `'quoted'` text; the negative subpattern is ignored."""
    positive = _split_quoted(pattern.split(";")[0])
    prefix, body, suffix = _affixes(positive)
    multiplier = 100 if "%" in prefix + suffix else (1000 if "‰" in prefix + suffix else 1)
    integer_part, _, fraction_part = body.partition(".")
    grouping = len(integer_part) - integer_part.rfind(",") - 1 if "," in integer_part else 0
    min_integer = integer_part.replace(",", "").count("0")
    min_fraction = fraction_part.count("0")
    max_fraction = min_fraction + fraction_part.count("#")
    number = Decimal(str(value)) * multiplier if not isinstance(value, Decimal) else value * multiplier
    rounded = number.quantize(Decimal(1).scaleb(-max_fraction), rounding=ROUND_HALF_EVEN)
    negative = rounded.is_signed()
    digits = f"{abs(rounded):.{max_fraction}f}"
    whole, _, fraction = digits.partition(".")
    fraction = fraction.rstrip("0").ljust(min_fraction, "0") if max_fraction else ""
    whole = whole.lstrip("0").rjust(min_integer, "0")
    if grouping and len(whole) > grouping:
        groups = []
        while len(whole) > grouping:
            groups.insert(0, whole[-grouping:])
            whole = whole[:-grouping]
        whole = ",".join([whole, *groups]) if whole else ",".join(groups)
    text = (whole or "0") + ("." + fraction if fraction else "")
    return ("-" if negative else "") + prefix + text + suffix


def _split_quoted(pattern: str) -> list[tuple[str, bool]]:
    parts, i = [], 0
    while i < len(pattern):
        if pattern[i] == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end < 0 else end
            parts.append((pattern[i + 1:end] or "'", True))
            i = end + 1
        else:
            parts.append((pattern[i], False))
            i += 1
    return parts


def _affixes(parts) -> tuple[str, str, str]:
    prefix, body, suffix, state = [], [], [], "prefix"
    for char, quoted in parts:
        is_number_char = not quoted and char in "#0,."
        if state == "prefix" and is_number_char:
            state = "body"
        elif state == "body" and not is_number_char:
            state = "suffix"
        {"prefix": prefix, "body": body, "suffix": suffix}[state].append(char)
    return "".join(prefix), "".join(body), "".join(suffix)


def round_(value, /, precision=0):
    """Half-up rounding to `precision` decimals; an integer when precision is 0."""
    if value is None:
        return None
    places = int(precision or 0)
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return int(rounded) if places <= 0 else float(rounded)


FILTERS = {
    "abs": abs_, "number": number, "numberFormat": number_format, "numberformat": number_format, "round": round_,
}
