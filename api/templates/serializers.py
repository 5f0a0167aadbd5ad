"""Templates as Kestra 0.x gave them: id, namespace, description, tasks, errors, deleted,
and the source they were saved from."""
from __future__ import annotations

import yaml
from rest_framework import serializers

from flows.template_changes import TEMPLATE_KEYS

from ..problems import Unprocessable


def template_json(template) -> dict:
    return {"id": template.template_id, "namespace": template.namespace, "description": template.description or None,
            "tasks": template.tasks, "errors": template.errors or [], "deleted": False, "source": template.source}


def template_source(data) -> str:
    """The template's YAML: a JSON object as Kestra takes it (its known keys, written
    out as YAML), or YAML text."""
    if type(data) is dict:
        return yaml.safe_dump({k: data[k] for k in TEMPLATE_KEYS if data.get(k) is not None},
                              sort_keys=False, allow_unicode=True)
    if isinstance(data, str) and data.strip():
        return data
    raise Unprocessable("The request body must hold a template: a JSON object with id, namespace and tasks")


class TemplateSerializer(serializers.Serializer):
    id = serializers.CharField()
    namespace = serializers.CharField()
    description = serializers.CharField(allow_null=True, required=False)
    tasks = serializers.ListField(child=serializers.DictField())
    errors = serializers.ListField(child=serializers.DictField(), required=False)
    deleted = serializers.BooleanField()
    source = serializers.CharField(required=False)
