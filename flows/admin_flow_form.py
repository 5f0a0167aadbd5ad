"""Writing a flow in the admin means writing its YAML, as in Kestra's editor: the
source is the only field; the namespace, id, description, labels and `disabled` are
read from it. A source that does not validate is refused with each problem and its
line, and saving goes through flows.services.save_flow, so every change is a new
revision that executions can name (and an unchanged source is not one). That a saved
flow keeps its namespace and id is flows.renames' rule, told the same way here."""
from django import forms
from django.core.exceptions import ValidationError

from flows.models import Flow
from flows.renames import renamed
from flows.spec import FlowInvalid, SpecError, parse_flow


class FlowSourceForm(forms.ModelForm):
    # Kept as typed (no stripping): the source is stored byte for byte as Kestra keeps it.
    source = forms.CharField(strip=False, widget=forms.Textarea(attrs={
        "rows": 30, "cols": 100, "spellcheck": "false", "style": "font-family: monospace"}))

    class Meta:
        model = Flow
        fields = ["source"]

    def clean_source(self):
        # A browser sends a textarea's lines ending in CRLF: saving a flow unchanged
        # must not make a new revision of a source that `loadflows` saved with LF.
        source = self.cleaned_data["source"].replace("\r\n", "\n")
        try:
            spec = parse_flow(source)
        except FlowInvalid as exc:
            raise ValidationError(_told(exc.errors)) from None
        flow = self.instance
        if flow.pk is None:
            if Flow.objects.filter(namespace=spec.namespace, flow_id=spec.id).exists():
                raise ValidationError(f"Flow id already exists: {spec.namespace}.{spec.id}")
            return source
        problems = renamed(source, flow.namespace, flow.flow_id)
        if problems:
            raise ValidationError(_told(problems))
        return source


def _told(errors: list[SpecError]) -> list[str]:
    return [f"line {e.line}: {e.what()}" if e.line else e.what() for e in errors]
