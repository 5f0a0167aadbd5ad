"""A KV value typed in a form: the type chosen (Kestra's KVType) decides how the text
is read, and the value is stored as the API stores it (executions.kv_values), with the
type recorded only where the value itself cannot tell it (a date in a string)."""
from __future__ import annotations

import json
from datetime import date

from django import forms

from api.kv.serializers import KV_TYPES
from executions.kv_values import InvalidValue, kv_type, parse_literal
from plugins.api.durations import DurationError, parse_duration
from plugins.core.kv import INVALID_KEY, VALID_KEY


class WrongType(Exception):
    """The text is not a value of the chosen type."""


def _number(text: str):
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WrongType(f"{text!r} is not a number")
    return value


def _boolean(text: str) -> bool:
    if text.lower() not in ("true", "false"):
        raise WrongType("must be true or false")
    return text.lower() == "true"


def _datetime(text: str) -> str:
    try:
        value, recorded = parse_literal(text)
    except InvalidValue:
        recorded = ""
    if recorded != "DATETIME":
        raise WrongType(f"{text!r} is not a date-time with a zone (2026-01-31T10:00:00Z)")
    return value


def _date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise WrongType(f"{text!r} is not a date (2026-01-31)") from None


def _duration(text: str) -> str:
    try:
        parse_duration(text)
    except DurationError as exc:
        raise WrongType(str(exc)) from None
    return text


def _json(text: str):
    try:
        return json.loads(text)
    except ValueError as exc:
        raise WrongType(f"not JSON: {exc}") from None


READERS = {"STRING": str, "NUMBER": _number, "BOOLEAN": _boolean, "DATETIME": _datetime, "DATE": _date,
           "DURATION": _duration, "JSON": _json}


def typed(kind: str, text: str) -> tuple[object, str]:
    """(value, recorded type) for the text read as `kind`."""
    value = READERS[kind](text if kind == "STRING" else text.strip())
    return value, "" if kv_type(value) == kind else kind


def as_text(value, value_type: str) -> str:
    """The stored value as the form shows it to edit."""
    kind = kv_type(value, value_type)
    if kind == "JSON":
        return json.dumps(value, indent=2)
    if kind in ("NUMBER", "BOOLEAN"):
        return json.dumps(value)
    return str(value)


class KVForm(forms.Form):
    key = forms.CharField(max_length=255)
    type = forms.ChoiceField(choices=[(kind, kind) for kind in KV_TYPES], initial="STRING")
    value = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), strip=False)
    ttl = forms.CharField(required=False, label="Expires after (TTL)",
                          help_text="an ISO-8601 duration such as PT1H or P30D; empty: never")
    description = forms.CharField(required=False, max_length=1000)

    def clean_key(self) -> str:
        key = self.cleaned_data["key"].strip()
        if not VALID_KEY.fullmatch(key):
            raise forms.ValidationError(f"{INVALID_KEY} Got '{key}'.")
        return key

    def clean_ttl(self):
        text = self.cleaned_data["ttl"].strip()
        if not text:
            return None
        try:
            parse_duration(text)
        except DurationError as exc:
            raise forms.ValidationError(str(exc)) from None
        return text

    def clean(self):
        cleaned = super().clean()
        if "type" in cleaned and "value" in cleaned:
            try:
                cleaned["typed"] = typed(cleaned["type"], cleaned["value"])
            except WrongType as exc:
                self.add_error("value", f"{cleaned['type']}: {exc}")
        return cleaned
