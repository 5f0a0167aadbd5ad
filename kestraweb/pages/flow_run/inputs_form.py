"""The fields of a list of declared inputs, as a page draws them: each field is
flows.input_fields' (the widget its type calls for, its default, its required mark
and description), with the browser's pickers where a page can use them, and a JSON
check in the browser for JSON and ARRAY text. Every value is still read by
the flow spec's own parsers when the execution is created, so an error is the message
Kestra gives, shown beside the input it names."""
from __future__ import annotations

from django import forms

from flows.input_fields import given_value, input_field
from flows.spec import InputInvalid, normalise_declaration

from .local_time import picked_instant, picker_value

# Text a browser script checks as JSON before it is sent (the server checks it again).
JSON_TYPES = ("JSON", "ARRAY")


def _page_field(decl: dict) -> forms.Field:
    field = input_field(decl)
    if decl["type"] == "DATETIME":
        field.widget = forms.DateTimeInput(attrs={"type": "datetime-local", "step": "1"})
        field.initial = picker_value(field.initial) if field.initial else None
    if decl["type"] in JSON_TYPES:
        field.widget.attrs["data-json"] = decl["type"]
    if decl.get("dependsOn"):
        field.depends_on = list((decl["dependsOn"] or {}).get("inputs") or [])
    return field


class InputsForm(forms.Form):
    """One field per declared input, named by the input's id (as the API's multipart
    body names them). `enabled` (input id -> bool, from the inputs' `dependsOn`) hides
    the fields that do not apply yet."""

    def __init__(self, declared: list[dict], *args, enabled: dict[str, bool] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.declared = [normalise_declaration(d) for d in declared or [] if isinstance(d, dict)]
        for decl in self.declared:
            field = _page_field(decl)
            field.enabled = (enabled or {}).get(decl["id"], True)
            self.fields[decl["id"]] = field

    @property
    def has_conditions(self) -> bool:
        return any(decl.get("dependsOn") for decl in self.declared)

    def values(self) -> tuple[dict, dict]:
        """(text values, uploaded files) by input id, what executions.services.launch
        takes; an empty field is left out, so the input takes its default."""
        texts, uploads = {}, {}
        for decl in self.declared:
            value = given_value(self.cleaned_data.get(decl["id"]))
            if value is None:
                continue
            if decl["type"] == "FILE":
                if hasattr(value, "chunks"):
                    uploads[decl["id"]] = value
                continue
            texts[decl["id"]] = picked_instant(value) if decl["type"] == "DATETIME" else value
        return texts, uploads

    def show(self, invalid: InputInvalid) -> None:
        """Each message beside the input it names; one naming no field above them all."""
        for input_id, message in invalid.errors:
            self.add_error(input_id if input_id in self.fields else None, message)
