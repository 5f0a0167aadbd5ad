"""Typed input values: what arrives as text (command line, forms) or JSON (API) is
parsed per the input's declared type before an execution exists, so a bad value
creates nothing and the error names the input."""
from __future__ import annotations

import json
import re
from datetime import time, timezone
from typing import Any, Mapping
from urllib.parse import urlparse

import yaml
from dateutil import parser as date_parser

from plugins.durations import DurationError, parse_duration

from .errors import InputInvalid

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BadValue(ValueError):
    pass


def _text(value) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _int(value, decl):
    if isinstance(value, bool):
        raise BadValue("expected an INT")
    try:
        number = int(value) if not isinstance(value, float) or value.is_integer() else None
    except (TypeError, ValueError):
        number = None
    if number is None:
        raise BadValue(f"expected an INT, got {_text(value)!r}")
    return _bounded(number, decl)


def _float(value, decl):
    if isinstance(value, bool):
        raise BadValue("expected a FLOAT")
    try:
        return _bounded(float(value), decl)
    except (TypeError, ValueError):
        raise BadValue(f"expected a FLOAT, got {_text(value)!r}") from None


def _bounded(number, decl):
    if decl.get("min") is not None and number < decl["min"]:
        raise BadValue(f"must be at least {decl['min']}, got {number}")
    if decl.get("max") is not None and number > decl["max"]:
        raise BadValue(f"must be at most {decl['max']}, got {number}")
    return number


def _boolean(value, decl):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "false"):
        return text == "true"
    raise BadValue(f"expected true or false, got {_text(value)!r}")


def _string(value, decl):
    if not isinstance(value, str):
        value = _text(value)
    validator = decl.get("validator")
    if validator and not re.fullmatch(validator, value):
        raise BadValue(f"{value!r} does not match the validator {validator}")
    for bound, check in (("minLength", lambda n: len(value) < n), ("maxLength", lambda n: len(value) > n)):
        if decl.get(bound) is not None and check(decl[bound]):
            raise BadValue(f"length must respect {bound} {decl[bound]}")
    return value


def _choice(value, decl):
    text = str(value)
    allowed = [str(v) for v in decl.get("values") or []]
    if text not in allowed and not decl.get("allowCustomValue"):
        raise BadValue(f"{text!r} is not one of {', '.join(allowed)}")
    return text


def _multiselect(value, decl):
    items = _json_list(value)
    return [_choice(item, decl) for item in items]


def _json_list(value):
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise BadValue(f"expected a JSON array, got {value!r}") from None
    if not isinstance(value, list):
        raise BadValue("expected a list")
    return value


def _datetime(value, decl):
    try:
        parsed = date_parser.isoparse(str(value))
    except (ValueError, OverflowError):
        raise BadValue(f"expected an ISO-8601 date-time, got {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _date(value, decl):
    try:
        return date_parser.isoparse(str(value)).date().isoformat()
    except (ValueError, OverflowError):
        raise BadValue(f"expected an ISO-8601 date, got {value!r}") from None


def _time(value, decl):
    try:
        return time.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise BadValue(f"expected an ISO-8601 time, got {value!r}") from None


def _duration(value, decl):
    try:
        parse_duration(value)
    except DurationError:
        raise BadValue(f"expected an ISO-8601 duration like PT5M, got {value!r}") from None
    return str(value)


def _json(value, decl):
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as exc:
            raise BadValue(f"invalid JSON: {exc}") from None
    return value


def _yaml(value, decl):
    if isinstance(value, str):
        try:
            return yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise BadValue(f"invalid YAML: {exc}") from None
    return value


def _array(value, decl):
    item_type = str(decl.get("itemType") or "STRING").upper()
    parse = PARSERS.get(item_type, _string)
    return [parse(item, {"type": item_type}) for item in _json_list(value)]


def _uri(value, decl):
    text = str(value)
    if not urlparse(text).scheme:
        raise BadValue(f"expected a URI, got {text!r}")
    return text


def _email(value, decl):
    if not EMAIL.match(str(value)):
        raise BadValue(f"expected an email address, got {value!r}")
    return str(value)


def _file(value, decl):
    if not str(value).strip():
        raise BadValue("expected a file")
    return str(value)


PARSERS = {
    "STRING": _string, "SECRET": _string, "INT": _int, "FLOAT": _float, "BOOLEAN": _boolean, "BOOL": _boolean,
    "ENUM": _choice, "SELECT": _choice, "MULTISELECT": _multiselect, "DATETIME": _datetime, "DATE": _date,
    "TIME": _time, "DURATION": _duration, "JSON": _json, "YAML": _yaml, "ARRAY": _array, "URI": _uri,
    "EMAIL": _email, "FILE": _file,
}


def parse_inputs(declared: list[dict], given: Mapping[str, Any], files: Mapping | None = None) -> dict:
    """Values by input id, parsed to their types. Raises InputInvalid naming every bad input."""
    values, errors = {}, []
    given = {**(given or {}), **(files or {})}
    for decl in declared:
        input_id, kind = decl["id"], str(decl.get("type", "STRING")).upper()
        raw = given.get(input_id)
        if raw is None:
            raw = decl.get("defaults")
        if raw is None:
            if decl.get("required", True):
                errors.append((input_id, f"Missing required input '{input_id}' ({kind})"))
            values[input_id] = None
            continue
        try:
            values[input_id] = PARSERS[kind](raw, decl)
        except BadValue as exc:
            errors.append((input_id, f"Invalid input '{input_id}': {exc}"))
    if errors:
        raise InputInvalid(errors)
    return values
