"""What an execution may carry besides its inputs: labels (`key:value`, one a line) and
a scheduled date (Kestra's Execute dialog: labels, scheduleDate)."""
from __future__ import annotations

from django import forms

from plugins.api.labels import SYSTEM_PREFIX


class OptionsForm(forms.Form):
    prefix = "run"  # never the id of an input: a flow may declare an input named `labels`

    labels = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "placeholder": "team:data"}),
                             help_text="One key:value a line.")
    schedule_date = forms.DateTimeField(
        required=False, label="Schedule date",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "step": "1"}),
        help_text="Start it then instead of now (in the server's time zone).")

    def clean_labels(self) -> list[dict]:
        labels = []
        for number, line in enumerate((self.cleaned_data.get("labels") or "").splitlines(), start=1):
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep or not key.strip():
                raise forms.ValidationError(f"line {number}: {line.strip()!r} is not key:value")
            if key.strip().startswith(SYSTEM_PREFIX):
                raise forms.ValidationError(f"line {number}: system labels can only be set by Kestra itself: "
                                            f"{key.strip()}")
            labels.append({"key": key.strip(), "value": value.strip()})
        return labels
