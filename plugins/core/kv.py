"""Kestra's KV store tasks: Set, Get and Delete a namespace key."""
import json
import re

from plugins.api.context import KeyExpired, KeyNotFound, TaskFailed
from plugins.api.durations import DurationError, format_duration, parse_duration, parse_java_duration
from plugins.api.instants import format_instant, parse_instant
from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask
from plugins.api.typed_render import render_typed

KEY = Property("key", required=True, description="The key.")
NAMESPACE = Property("namespace", default="{{ flow.namespace }}", description="The namespace of the key.")
ERROR_ON_MISSING = Property("errorOnMissing", "boolean", default=False, description="Fail when the key is missing.")

# Kestra's KVStore key rule, checked before any read or write.
VALID_KEY = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9._-]*")
INVALID_KEY = ("Key must start with an alphanumeric character (uppercase or lowercase) and can contain "
               "alphanumeric characters (uppercase or lowercase), dots (.), underscores (_), and hyphens (-) only.")


def _key_and_namespace(ctx) -> tuple[str, str]:
    key = str(ctx.render_property("key"))
    if not VALID_KEY.fullmatch(key):
        raise TaskFailed(f"{INVALID_KEY} Got '{key}'.")
    return key, ctx.render_property("namespace")


def _missing(key: str, namespace: str) -> TaskFailed:
    return TaskFailed(f"No value found for key '{key}' in namespace '{namespace}' and `errorOnMissing` is set to true")


def _typed(value, kv_type):
    """kvType converts a rendered string to its type, as Kestra's Set does: NUMBER and
    JSON are parsed, BOOLEAN is true only for "true", DATETIME/DATE must be an instant,
    DURATION an ISO-8601 duration. Values that are not text are kept as they are."""
    if not isinstance(value, str) or not kv_type:
        return value
    kind = str(kv_type).upper()
    try:
        if kind == "NUMBER":
            number = json.loads(value)
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise ValueError(value)
            return number
        if kind == "BOOLEAN":
            return value.strip().lower() == "true"
        if kind == "JSON":
            return json.loads(value)
        if kind in ("DATETIME", "DATE"):
            return format_instant(parse_instant(value))
        if kind == "DURATION":
            return format_duration(parse_java_duration(value))
    except (ValueError, DurationError):
        raise TaskFailed(f"The value {value!r} is not a valid {kind} (kvType)") from None
    return value


@register
class Set(RunnableTask):
    type = "io.kestra.plugin.core.kv.Set"
    title = "Set a key-value pair in a namespace's KV store."
    examples = (Example("Keep a value for an hour", """\
id: set
type: io.kestra.plugin.core.kv.Set
key: last_run
value: "{{ execution.startDate }}"
ttl: PT1H
"""),)
    lightweight = True
    properties = (
        KEY,
        Property("value", "any", required=True, description="The value to store; a lone expression keeps its type."),
        NAMESPACE,
        Property("kvDescription", description="The description of the key-value pair."),
        Property("overwrite", "boolean", default=True, description="Replace an existing value."),
        Property("ttl", "duration", description="Time to live of the entry."),
        Property("kvType", "enum", values=("STRING", "NUMBER", "BOOLEAN", "DATETIME", "DATE", "DURATION", "JSON"),
                 description="Type the rendered value is converted to."),
    )

    def run(self, ctx):
        key, namespace = _key_and_namespace(ctx)
        value = _typed(render_typed(ctx, self.get("value")), ctx.render_property("kvType"))
        ttl = ctx.render_property("ttl")
        try:
            ttl = parse_duration(ttl) if ttl else None
        except DurationError as exc:
            raise TaskFailed(f"ttl: {exc}") from None
        try:
            ctx.kv.set(key, value, namespace=namespace, ttl=ttl, overwrite=bool(ctx.render_property("overwrite")))
        except ValueError:  # the store refuses to replace a key when overwrite is false
            raise TaskFailed(f"Cannot set value for key '{key}'. "
                             "Key already exists and `overwrite` is set to `false`.") from None
        return {}


@register
class Get(RunnableTask):
    type = "io.kestra.plugin.core.kv.Get"
    title = "Get the value of a key from a namespace's KV store."
    examples = (Example("Read a key, null when missing", """\
id: get
type: io.kestra.plugin.core.kv.Get
key: last_run
errorOnMissing: false
"""),)
    lightweight = True
    properties = (KEY, NAMESPACE, ERROR_ON_MISSING)
    outputs = (Output("value", "any", "The value, or null when missing."),)

    def run(self, ctx):
        key, namespace = _key_and_namespace(ctx)
        try:
            value = ctx.kv.get(key, namespace=namespace, error_on_missing=bool(ctx.render_property("errorOnMissing")))
        except KeyExpired as expired:  # Kestra's Get lets the store's expiry error fail the task
            raise TaskFailed(str(expired)) from None
        except KeyNotFound:
            raise _missing(key, namespace) from None
        return {"value": value}


@register
class Delete(RunnableTask):
    type = "io.kestra.plugin.core.kv.Delete"
    title = "Delete a key from a namespace's KV store."
    examples = (Example("Delete a key if it is there", """\
id: delete
type: io.kestra.plugin.core.kv.Delete
key: last_run
"""),)
    lightweight = True
    properties = (KEY, NAMESPACE, ERROR_ON_MISSING)
    outputs = (Output("deleted", "boolean", "Whether a key was deleted."),)

    def run(self, ctx):
        key, namespace = _key_and_namespace(ctx)
        deleted = ctx.kv.delete(key, namespace=namespace)
        if not deleted and ctx.render_property("errorOnMissing"):
            raise _missing(key, namespace)
        return {"deleted": deleted}
