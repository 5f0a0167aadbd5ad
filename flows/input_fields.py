"""A flow's declared inputs as form fields, one per input (the admin's Execute page and
the pages' inputs forms draw them), with the widget its type calls for (a password box
for SECRET, an upload for FILE, a date picker for DATE...), its default filled in, a
required mark and its description.

The fields only collect text: the flow spec's parsers (flows.spec.parse_inputs) read
and check every value, so a form error is the very message Kestra gives for that
input, and nothing is checked twice in two ways. The form is `novalidate` for the same
reason: the browser does not get to refuse a value with its own words."""
from __future__ import annotations

import json

import yaml
from django import forms

from flows.spec.input_values import as_text
from flows.spec.property_types import has_expression

# Numbers stay text boxes: a browser sends nothing for text a number box cannot read,
# and the input would then be reported missing instead of not a number.
TEXT_WIDGETS = {"URI": forms.URLInput, "EMAIL": forms.EmailInput}
INPUT_MODES = {"INT": "numeric", "FLOAT": "decimal"}
PLACEHOLDERS = {
    "DURATION": "PT5M", "JSON": '{"key": "value"}', "YAML": "key: value", "ARRAY": '["a", "b"]',
    "DATETIME": "2024-01-31T10:00:00Z",
}
BLANK_CHOICE = ("", "---------")


class RawField(forms.Field):
    """A field that keeps what was sent as it is (text, a list, an upload): the
    spec's parser is the one that reads it."""

    def __init__(self, *, widget, **kwargs):
        super().__init__(widget=widget, required=False, **kwargs)

    def to_python(self, value):
        return value


def _choices(decl) -> list[tuple[str, str]]:
    values = decl.get("values")
    if values is None:
        values = decl.get("options")
    return [(as_text(v), as_text(v)) for v in values] if isinstance(values, list) else []


def _widget(decl) -> forms.Widget:
    kind = decl["type"]
    custom = decl.get("allowCustomValue")
    if kind == "SECRET":
        return forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})
    if kind == "FILE":
        return forms.FileInput()
    if kind == "BOOLEAN":
        return forms.Select(choices=[BLANK_CHOICE, ("true", "true"), ("false", "false")])
    if kind in ("ENUM", "SELECT") and not custom:
        return forms.Select(choices=[BLANK_CHOICE, *_choices(decl)])
    if kind == "MULTISELECT" and not custom:
        return forms.SelectMultiple(choices=_choices(decl))
    if kind in ("JSON", "YAML", "ARRAY", "MULTISELECT"):
        return forms.Textarea(attrs={"rows": 4, "cols": 60})
    if kind in INPUT_MODES:
        return forms.TextInput(attrs={"inputmode": INPUT_MODES[kind]})
    if kind == "DATE":
        return forms.DateInput(attrs={"type": "date"})
    if kind == "TIME":
        return forms.TimeInput(attrs={"type": "time", "step": "1"})
    if kind == "DATETIME":
        return forms.TextInput()  # a zone matters to an instant; the browser's picker has none
    return TEXT_WIDGETS.get(kind, forms.TextInput)()


def _initial(decl):
    """The default as the field shows it; a dynamic default (an expression) is left to
    be rendered when the execution is created, and shown as the placeholder."""
    default = decl.get("defaults")
    if default is None or has_expression(default) or decl["type"] in ("SECRET", "FILE"):
        return None
    if decl["type"] == "MULTISELECT" and not decl.get("allowCustomValue") and isinstance(default, list):
        return [as_text(v) for v in default]
    if decl["type"] in ("JSON", "ARRAY", "MULTISELECT") and isinstance(default, (dict, list)):
        return json.dumps(default, indent=2)
    if decl["type"] == "YAML" and isinstance(default, (dict, list)):
        return yaml.safe_dump(default, sort_keys=False)
    return as_text(default)


def is_required(decl) -> bool:
    """What the form marks as required: a value must be given, none defaults."""
    return bool(decl.get("required", True)) and decl.get("defaults") is None


def input_field(decl) -> forms.Field:
    widget = _widget(decl)
    default = decl.get("defaults")
    if has_expression(default) and isinstance(widget, forms.Input) and decl["type"] != "FILE":
        widget.attrs["placeholder"] = f"default: {default}"
    elif decl["type"] == "SECRET" and default is not None:
        widget.attrs["placeholder"] = "(a default is set)"
    elif decl["type"] in PLACEHOLDERS and "placeholder" not in widget.attrs:
        widget.attrs["placeholder"] = PLACEHOLDERS[decl["type"]]
    label = decl.get("displayName") or decl["id"]
    field = RawField(widget=widget, label=label, initial=_initial(decl), help_text=decl.get("description") or "")
    field.input_type = decl["type"]
    field.marked_required = is_required(decl)
    return field


def given_value(value):
    """A submitted field's value, or None for a field left empty, whatever its type:
    the input then takes its default (the field shows it filled in), and a required
    one without a default is reported missing, as a blank field means to a user."""
    if value is None or value == "" or value == []:
        return None
    return value
