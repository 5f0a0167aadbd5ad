"""Kestra's KV store tasks: Set, Get and Delete a namespace key."""
import json

from plugins.context import TaskFailed
from plugins.properties import Output, Property
from plugins.registry import register
from plugins.task import RunnableTask

KEY = Property("key", required=True, description="The key.")
NAMESPACE = Property("namespace", default="{{ flow.namespace }}", description="The namespace of the key.")
ERROR_ON_MISSING = Property("errorOnMissing", "boolean", default=False, description="Fail when the key is missing.")


def _key_and_namespace(ctx) -> tuple[str, str]:
    return str(ctx.render_property("key")), ctx.render_property("namespace")


def _typed(value, kv_type):
    """kvType converts a rendered string to its type (NUMBER, BOOLEAN, JSON...)."""
    if not isinstance(value, str) or not kv_type:
        return value
    kind = str(kv_type).upper()
    if kind == "NUMBER":
        return float(value) if any(c in value for c in ".eE") else int(value)
    if kind == "BOOLEAN":
        return value.strip().lower() == "true"
    if kind == "JSON":
        return json.loads(value)
    return value


@register
class Set(RunnableTask):
    type = "io.kestra.plugin.core.kv.Set"
    title = "Set a key-value pair in a namespace's KV store."
    lightweight = True
    properties = (
        KEY,
        Property("value", "any", required=True, description="The value to store (any JSON type)."),
        NAMESPACE,
        Property("overwrite", "boolean", default=True, description="Replace an existing value."),
        Property("ttl", "duration", description="Time to live of the entry."),
        Property("kvType", "enum", values=("STRING", "NUMBER", "BOOLEAN", "DATETIME", "DATE", "DURATION", "JSON"),
                 description="Type the rendered value is converted to."),
    )

    def run(self, ctx):
        try:
            key, namespace = _key_and_namespace(ctx)
            ctx.kv.set(key, _typed(ctx.render_property("value"), self.get("kvType")),
                       namespace=namespace, ttl=ctx.render_property("ttl"),
                       overwrite=bool(ctx.render_property("overwrite")))
        except ValueError as exc:
            raise TaskFailed(str(exc)) from exc
        return {}


@register
class Get(RunnableTask):
    type = "io.kestra.plugin.core.kv.Get"
    title = "Get the value of a key from a namespace's KV store."
    lightweight = True
    properties = (KEY, NAMESPACE, ERROR_ON_MISSING)
    outputs = (Output("value", "any", "The value, or null when missing."),)

    def run(self, ctx):
        key, namespace = _key_and_namespace(ctx)
        try:
            value = ctx.kv.get(key, namespace=namespace, error_on_missing=bool(ctx.render_property("errorOnMissing")))
        except LookupError as exc:
            raise TaskFailed(str(exc)) from exc
        return {"value": value}


@register
class Delete(RunnableTask):
    type = "io.kestra.plugin.core.kv.Delete"
    title = "Delete a key from a namespace's KV store."
    lightweight = True
    properties = (KEY, NAMESPACE, ERROR_ON_MISSING)
    outputs = (Output("deleted", "boolean", "Whether a key was deleted."),)

    def run(self, ctx):
        key, namespace = _key_and_namespace(ctx)
        deleted = ctx.kv.delete(key, namespace=namespace)
        if not deleted and ctx.render_property("errorOnMissing"):
            raise TaskFailed(f"The key '{key}' does not exist in the namespace '{namespace}'.")
        return {"deleted": deleted}
