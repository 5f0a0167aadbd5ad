"""The form of a Schedule trigger's backfill (Kestra's Backfill: start, end, inputs,
labels), shared by the admin's Backfill page and a flow's Triggers tab."""
from __future__ import annotations

from django import forms


class BackfillForm(forms.Form):
    start = forms.DateTimeField(help_text="The first date to replay, with its offset: 2025-01-01T00:00:00+00:00")
    end = forms.DateTimeField(required=False, help_text="The last date to replay; now when empty.")
    inputs = forms.JSONField(required=False, help_text='Inputs of the replayed executions, a JSON map: {"day": 1}')
    labels = forms.JSONField(required=False, help_text='Labels added to them, a JSON map: {"replay": "true"}')

    def clean_inputs(self):
        value = self.cleaned_data.get("inputs") or {}
        if not isinstance(value, dict):
            raise forms.ValidationError("must be a JSON map of input values")
        return value

    def clean_labels(self):
        value = self.cleaned_data.get("labels") or {}
        if not isinstance(value, dict):
            raise forms.ValidationError("must be a JSON map of labels")
        return [{"key": str(key), "value": str(item)} for key, item in value.items()]
