"""The Java methods Pebble lets a template call on values (`name.length()`,
`list.size()`, `map.containsKey('a')`) and the getters it reads as attributes
(`'abc'.length`, `date.year`). Python's own attributes are never reachable: only the
names listed here exist, which is also what keeps the sandbox shut."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from jinja2 import Undefined

from . import bounded, java_regex
from .errors import ExpressionError
from .filters.types import class_name
from .iteration import Entry
from .operators import eq
from .output import java_string

DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]
MONTHS = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER"]


def _index(seq, item) -> int:
    return next((i for i, v in enumerate(seq) if eq(v, item)), -1)


STRING_METHODS = {
    "length": lambda s: len(s), "isEmpty": lambda s: not s, "isBlank": lambda s: not s.strip(),
    "toUpperCase": str.upper, "toLowerCase": str.lower,
    "trim": lambda s: s.strip("".join(map(chr, range(33)))), "strip": str.strip,
    "contains": lambda s, x: java_string(x) in s, "startsWith": lambda s, x: s.startswith(java_string(x)),
    "endsWith": lambda s, x: s.endswith(java_string(x)), "indexOf": lambda s, x: s.find(java_string(x)),
    "lastIndexOf": lambda s, x: s.rfind(java_string(x)),
    "substring": lambda s, start, end=None: s[int(start):None if end is None else int(end)],
    "charAt": lambda s, i: s[int(i)], "concat": lambda s, x: bounded.concat(s, java_string(x)),
    "replace": lambda s, a, b: bounded.replace(s, java_string(a), java_string(b)),
    "replaceAll": lambda s, a, b: java_regex.replace(java_string(a), java_string(b), s),
    "replaceFirst": lambda s, a, b: java_regex.replace(java_string(a), java_string(b), s, count=1),
    "matches": lambda s, r: java_regex.matches(java_string(r), s),
    "split": lambda s, r, limit=0: java_regex.java_split(s, java_string(r), int(limit)),
    "equals": lambda s, x: s == x, "equalsIgnoreCase": lambda s, x: isinstance(x, str) and s.lower() == x.lower(),
    "toString": lambda s: s,
}
LIST_METHODS = {
    "size": len, "isEmpty": lambda v: not v, "contains": lambda v, x: _index(v, x) >= 0,
    "get": lambda v, i: v[int(i)], "indexOf": _index, "subList": lambda v, a, b: list(v[int(a):int(b)]),
    "getFirst": lambda v: v[0], "getLast": lambda v: v[-1], "toString": java_string,
    "containsAll": lambda v, xs: all(_index(v, x) >= 0 for x in xs),
}
MAP_METHODS = {
    "size": len, "isEmpty": lambda m: not m, "containsKey": lambda m, k: k in m,
    "containsValue": lambda m, x: _index(list(m.values()), x) >= 0, "get": lambda m, k: m.get(k),
    "getOrDefault": lambda m, k, d: m.get(k, d), "keySet": lambda m: list(m), "values": lambda m: list(m.values()),
    "toString": java_string,
}
NUMBER_METHODS = {
    "toString": java_string, "intValue": int, "longValue": int, "doubleValue": float, "floatValue": float,
}
DATE_GETTERS = {
    "year": lambda d: d.year, "monthValue": lambda d: d.month, "month": lambda d: MONTHS[d.month - 1],
    "dayOfMonth": lambda d: d.day, "dayOfYear": lambda d: d.timetuple().tm_yday,
    "dayOfWeek": lambda d: DAYS[d.weekday()],
}
DATETIME_GETTERS = {
    **DATE_GETTERS, "hour": lambda d: d.hour, "minute": lambda d: d.minute, "second": lambda d: d.second,
    "nano": lambda d: d.microsecond * 1000, "epochSecond": lambda d: int(d.timestamp()),
}
DATETIME_METHODS = {
    "toString": java_string, "toEpochSecond": lambda d: int(d.timestamp()),
    "toEpochMilli": lambda d: int(d.timestamp() * 1000),
}
# no-argument methods a template may read as attributes, as Pebble does (`'abc'.length`)
STRING_GETTERS = {"length": len, "empty": lambda s: not s, "blank": lambda s: not s.strip(),
                  "bytes": lambda s: list(s.encode())}
LIST_GETTERS = {"size": len, "empty": lambda v: not v, "first": lambda v: v[0] if v else None,
                "last": lambda v: v[-1] if v else None}


def _methods_of(value):
    if isinstance(value, str):
        return STRING_METHODS
    if isinstance(value, Mapping):
        return MAP_METHODS
    if isinstance(value, (list, tuple)):
        return LIST_METHODS
    if isinstance(value, (datetime, date)):
        return {**DATETIME_METHODS, **{"get" + k[0].upper() + k[1:]: f for k, f in DATETIME_GETTERS.items()}}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return NUMBER_METHODS
    return {}


def call_method(obj, name: str, *args):
    """`obj.name(args)` in a template."""
    if isinstance(obj, Undefined):
        obj._fail_with_undefined_error()
    for arg in args:
        if isinstance(arg, Undefined):
            arg._fail_with_undefined_error()
    if obj is None:
        raise ExpressionError(f"Can not invoke method [{name}] on null")
    method = _methods_of(obj).get(name)
    if method is None:
        raise ExpressionError(f"Method [{name}] of [{_java_class(obj)}] does not exist or can not be accessed")
    try:
        return method(obj, *args)
    except ExpressionError:
        raise  # already says what (a limit it hit, a bad pattern)
    except (TypeError, ValueError, IndexError) as exc:
        raise ExpressionError(f"Unable to call [{name}] on [{_java_class(obj)}]: {exc}") from None


def getter(obj, name: str):
    """An attribute of a value that is not a map: a Java getter, or nothing (None)."""
    if isinstance(obj, str):
        getter_ = STRING_GETTERS.get(name)
    elif isinstance(obj, (list, tuple)):
        getter_ = LIST_GETTERS.get(name)
    elif isinstance(obj, datetime):
        getter_ = DATETIME_GETTERS.get(name)
    elif isinstance(obj, date):
        getter_ = DATE_GETTERS.get(name)
    elif isinstance(obj, Entry) and name in ("key", "value"):
        return True, getattr(obj, name)
    else:
        getter_ = None
    if getter_ is None:
        return False, None
    return True, getter_(obj)


def _java_class(value) -> str:
    return class_name(value) or "null"
