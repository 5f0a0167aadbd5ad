"""What Pebble's operators do, where Python would differ: integer division truncates
(Java long division), `%` keeps the dividend's sign, `+` with a string concatenates,
numeric strings take part in arithmetic, `~` skips nulls, ordering with null is false,
a boolean never equals a number. Compiled templates call these as
`environment.kestra_<name>` (codegen.py)."""
from __future__ import annotations

import math
from collections.abc import Mapping
from decimal import Decimal

from jinja2 import Undefined

from . import bounded
from .errors import ExpressionError
from .output import java_string
from .undefined import fail_if_undefined


def number(value):
    """Pebble's OperatorUtils.toNumber: numbers as they are, numeric strings parsed."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        try:
            return float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            pass
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    raise ExpressionError(f"Cannot convert to Number: {java_string(value)}")


def _widen(left, right):
    a, b = number(left), number(right)
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(str(a)), Decimal(str(b))
    return a, b


def add(left, right):
    fail_if_undefined(left, right)
    if isinstance(left, str) or isinstance(right, str):
        return bounded.concat(java_string(left), java_string(right))
    if isinstance(left, list):
        return bounded.lists(left, right if isinstance(right, (list, tuple)) else [right])
    a, b = _widen(left, right)
    return a + b


def sub(left, right):
    fail_if_undefined(left, right)
    if isinstance(left, list):
        if isinstance(right, (list, tuple)):
            return [item for item in left if item not in right]
        result = list(left)
        if right in result:
            result.remove(right)
        return result
    a, b = _widen(left, right)
    return a - b


# Pebble's integers are Java longs; ours grow without bound, and a product of products
# (a recursive macro) would take minutes and gigabytes. Far past any long, refuse.
MAX_INTEGER_BITS = 4096


def mul(left, right):
    fail_if_undefined(left, right)
    a, b = _widen(left, right)
    if type(a) is int and type(b) is int and a.bit_length() + b.bit_length() > MAX_INTEGER_BITS:
        raise ExpressionError(f"Number too large: a product of more than {MAX_INTEGER_BITS} bits")
    return a * b


def div(left, right):
    fail_if_undefined(left, right)
    a, b = _widen(left, right)
    if isinstance(a, int) and isinstance(b, int):
        if b == 0:
            raise ExpressionError("/ by zero")
        quotient = abs(a) // abs(b)
        return quotient if (a >= 0) == (b >= 0) else -quotient
    if isinstance(a, Decimal):
        return a / b
    if b == 0:
        return math.nan if a == 0 or a != a else math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def mod(left, right):
    fail_if_undefined(left, right)
    a, b = _widen(left, right)
    if isinstance(a, int) and isinstance(b, int):
        if b == 0:
            raise ExpressionError("/ by zero")
        remainder = abs(a) % abs(b)
        return remainder if a >= 0 else -remainder
    if isinstance(a, Decimal):
        return a % b  # Decimal's remainder keeps the dividend's sign, as BigDecimal's
    return math.fmod(a, b) if b != 0 else math.nan


def neg(value):
    return mul(-1, value)


def pos(value):
    return mul(1, value)


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def eq(left, right) -> bool:
    """Pebble's equals: numbers by value (1 == 1.0), otherwise Java's equals, under
    which a boolean never equals a number."""
    fail_if_undefined(left, right)
    if _is_number(left) and _is_number(right):
        return left == right
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    return left == right


def ne(left, right) -> bool:
    return not eq(left, right)


def _order(left, right, compare) -> bool:
    fail_if_undefined(left, right)
    if left is None or right is None:
        return False
    if _is_number(left) and _is_number(right):
        return compare(left, right)
    if type(left) is type(right) and isinstance(left, str):
        return compare(left, right)
    try:
        return compare(number(left), number(right))
    except ExpressionError:
        raise ExpressionError(f"invalid operands for comparison: {java_string(left)} and {java_string(right)}") \
            from None


def lt(left, right) -> bool:
    return _order(left, right, lambda a, b: a < b)


def le(left, right) -> bool:
    return _order(left, right, lambda a, b: a <= b)


def gt(left, right) -> bool:
    return _order(left, right, lambda a, b: a > b)


def ge(left, right) -> bool:
    return _order(left, right, lambda a, b: a >= b)


def concat(*values) -> str:
    """`a ~ b`: Java toString of each side, a null side adds nothing."""
    fail_if_undefined(*values)
    return bounded.concat(*(java_string(v) for v in values if v is not None))


def contains(container, item) -> bool:
    fail_if_undefined(container, item)
    if container is None:
        return False
    if isinstance(container, str):
        return java_string(item) in container
    if isinstance(container, Mapping):
        return item in container
    if isinstance(container, (list, tuple, set)):
        if isinstance(item, (list, tuple, set)):
            return all(any(eq(c, i) for c in container) for i in item)
        return any(eq(c, item) for c in container)
    raise ExpressionError("Contains operator can only be used on Collections, Maps and arrays. "
                          f"Actual type was: {type(container).__name__}")


def is_in(item, collection) -> bool:
    """Kestra's `isIn`: compares the text of each side (`1 isIn ['1']` is true)."""
    fail_if_undefined(item, collection)
    if item is None or collection is None:
        return False
    needle = java_string(item)
    if isinstance(collection, Mapping):
        return any(java_string(k) == needle or java_string(v) == needle for k, v in collection.items())
    if isinstance(collection, (list, tuple, set)):
        return any(java_string(v) == needle for v in collection)
    return False


def not_in(item, collection) -> bool:
    return not is_in(item, collection)
