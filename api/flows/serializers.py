"""Flows as Kestra's API gives them (FlowWithSource, ValidateConstraintViolation).

A flow is shown as written (no pluginDefaults applied), with its inputs normalised
(`id`, canonical `type`) and its labels as a list of {key, value}, plus the fields
the repository adds: revision, updated, deleted, draft and the source. The
serializer classes document the shapes for the OpenAPI schema; the JSON itself comes
from `flow_json`, which reads the YAML once."""
from __future__ import annotations

from rest_framework import serializers

from flows.spec.inputs_declared import normalise_inputs
from flows.spec.labels import normalise_labels
from flows.spec.yaml_lines import load, plain

# Keys the repository sets: never taken from the YAML.
_REPOSITORY_KEYS = ("revision", "deleted", "draft", "updated", "source", "tenantId")
_LISTS = ("tasks", "inputs", "outputs", "errors", "finally", "afterExecution", "triggers", "pluginDefaults")


def flow_json(source: str, *, revision: int, deleted: bool, updated, with_source: bool = True) -> dict:
    """The FlowWithSource JSON of a stored `source` (valid when it was saved)."""
    raw = load(source)
    data = {key: value for key, value in plain(raw).items() if key not in _REPOSITORY_KEYS}
    inputs, _ = normalise_inputs(raw.get("inputs"))
    labels, _ = normalise_labels(raw)
    body = {key: data.get(key) or [] for key in _LISTS}
    body.update(data)
    body.update({
        "id": data.get("id"), "namespace": data.get("namespace"), "revision": revision,
        "description": data.get("description"), "disabled": bool(data.get("disabled")), "draft": False,
        "deleted": deleted, "updated": updated.isoformat().replace("+00:00", "Z") if updated else None,
        "inputs": plain(inputs), "labels": labels, "variables": data.get("variables") or {},
    })
    if with_source:
        body["source"] = source
    return body


def current_json(flow, with_source: bool = True) -> dict:
    return flow_json(flow.source, revision=flow.revision, deleted=flow.deleted, updated=flow.updated,
                     with_source=with_source)


def revision_json(flow, revision) -> dict:
    """An older revision: deleted only when it is the latest of a deleted flow."""
    return flow_json(revision.source, revision=revision.revision,
                     deleted=flow.deleted and revision.revision == flow.revision, updated=revision.created)


STRINGS = {200: {"type": "array", "items": {"type": "string"}}}  # responses: a JSON list of strings


class LabelSerializer(serializers.Serializer):
    key = serializers.CharField()
    value = serializers.CharField()


class FlowSerializer(serializers.Serializer):
    """Schema of Kestra's Flow (plugin properties of tasks and triggers are extra keys)."""

    id = serializers.CharField()
    namespace = serializers.CharField()
    revision = serializers.IntegerField()
    description = serializers.CharField(allow_null=True, required=False)
    disabled = serializers.BooleanField()
    draft = serializers.BooleanField()
    deleted = serializers.BooleanField()
    updated = serializers.DateTimeField(allow_null=True, required=False)
    tasks = serializers.ListField(child=serializers.DictField())
    inputs = serializers.ListField(child=serializers.DictField(), required=False)
    outputs = serializers.ListField(child=serializers.DictField(), required=False)
    labels = LabelSerializer(many=True, required=False)
    variables = serializers.DictField(required=False)
    errors = serializers.ListField(child=serializers.DictField(), required=False)
    triggers = serializers.ListField(child=serializers.DictField(), required=False)
    afterExecution = serializers.ListField(child=serializers.DictField(), required=False)  # noqa: N815
    pluginDefaults = serializers.ListField(child=serializers.DictField(), required=False)  # noqa: N815
    concurrency = serializers.DictField(allow_null=True, required=False)
    retry = serializers.DictField(allow_null=True, required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["finally"] = serializers.ListField(child=serializers.DictField(), required=False)
        return fields


class FlowWithSourceSerializer(FlowSerializer):
    source = serializers.CharField(required=False)


class ViolationSerializer(serializers.Serializer):
    """Kestra's ValidateConstraintViolation: `constraints` is null when the document is valid."""

    index = serializers.IntegerField()
    flow = serializers.CharField(allow_null=True)
    namespace = serializers.CharField(allow_null=True)
    constraints = serializers.CharField(allow_null=True)
    outdated = serializers.BooleanField()
    deprecationPaths = serializers.ListField(child=serializers.CharField())  # noqa: N815
    warnings = serializers.ListField(child=serializers.CharField())
    infos = serializers.ListField(child=serializers.CharField())
