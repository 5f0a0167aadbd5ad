"""The Settings forms: preferences as the model declares them, and a new API token's
name and lifetime, checked by the API's own token serializer (one rule for both)."""
from __future__ import annotations

from django import forms

from api.me.serializers import ApiTokenSerializer
from flows.namespaces import BadNamespace, check_id
from kestraweb.models import Preferences

FONT_SIZES = (8, 32)  # px: smaller is unreadable, larger leaves no room for code
LIFETIMES = [("", "Never expires"), ("P1D", "1 day"), ("P7D", "7 days"), ("P30D", "30 days"),
             ("P90D", "90 days"), ("P365D", "1 year")]


class PreferencesForm(forms.ModelForm):
    editor_font_size = forms.IntegerField(min_value=FONT_SIZES[0], max_value=FONT_SIZES[1], label="Editor font size")

    class Meta:
        model = Preferences
        fields = ["theme", "default_namespace", "date_format", "log_level", "editor_font_size"]
        labels = {"default_namespace": "Default namespace", "date_format": "Date format",
                  "log_level": "Default log level"}

    def clean_default_namespace(self) -> str:
        value = self.cleaned_data["default_namespace"].strip()
        if value:
            try:
                check_id(value)
            except BadNamespace as exc:
                raise forms.ValidationError(str(exc)) from None
        return value


class ApiTokenForm(forms.Form):
    name = forms.CharField(max_length=200, label="Token name")
    max_age = forms.ChoiceField(choices=LIFETIMES, required=False, label="Expires after")

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        checked = ApiTokenSerializer(data={"name": cleaned["name"], "maxAge": cleaned.get("max_age") or None})
        if not checked.is_valid():
            for field, problems in checked.errors.items():
                self.add_error("name" if field == "name" else "max_age", [str(p) for p in problems])
            return cleaned
        cleaned["expires_at"] = checked.validated_data.get("expires_at")
        return cleaned
