"""Java types seen from a template: `className` names the Java class Kestra would
have for a value, and the small float/long markers that `number` returns keep that
answer right (`"12.3" | number | className` is java.lang.Float, as in Kestra)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal


class JavaFloat(float):
    """A float parsed as Java's Float (`number('FLOAT')`, or inferred); prints as a double."""


class JavaLong(int):
    """An integer parsed as Java's Long (`number('LONG')`, `12L`)."""


class JavaBigInteger(int):
    """An integer parsed as Java's BigInteger (`number('BIGINTEGER')`, or too long for a Long)."""


def class_name(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "java.lang.Boolean"
    if isinstance(value, JavaBigInteger):
        return "java.math.BigInteger"
    if isinstance(value, JavaLong):
        return "java.lang.Long"
    if isinstance(value, int):
        if -2**31 <= value < 2**31:
            return "java.lang.Integer"
        return "java.lang.Long" if -2**63 <= value < 2**63 else "java.math.BigInteger"
    if isinstance(value, JavaFloat):
        return "java.lang.Float"
    if isinstance(value, float):
        return "java.lang.Double"
    if isinstance(value, Decimal):
        return "java.math.BigDecimal"
    if isinstance(value, str):
        return "java.lang.String"
    if isinstance(value, dict):
        return "java.util.LinkedHashMap"
    if isinstance(value, (list, tuple)):
        return "java.util.ArrayList"
    if isinstance(value, datetime):
        return "java.time.ZonedDateTime"
    if isinstance(value, date):
        return "java.time.LocalDate"
    if isinstance(value, time):
        return "java.time.LocalTime"
    if isinstance(value, timedelta):
        return "java.time.Duration"
    return type(value).__name__


FILTERS = {"className": class_name}
