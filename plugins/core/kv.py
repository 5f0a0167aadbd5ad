"""Kestra's KV store tasks: Set, Get and Delete a namespace key; PurgeKV deletes keys in bulk."""
from __future__ import annotations

import json
import re
from typing import Any

from plugins.api.context import KeyExpired, KeyNotFound, RunContext, TaskFailed
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


def _key_and_namespace(ctx: RunContext) -> tuple[str, str]:
    key = str(ctx.render_property("key"))
    if not VALID_KEY.fullmatch(key):
        raise TaskFailed(f"{INVALID_KEY} Got '{key}'.")
    return key, ctx.render_property("namespace")


def _missing(key: str, namespace: str) -> TaskFailed:
    return TaskFailed(f"No value found for key '{key}' in namespace '{namespace}' and `errorOnMissing` is set to true")


def _typed(value: Any, kv_type: Any) -> Any:
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

    def run(self, ctx: RunContext) -> dict[str, Any]:
        key, namespace = _key_and_namespace(ctx)
        value = _typed(render_typed(ctx, self.get("value")), ctx.render_property("kvType"))
        ttl_text = ctx.render_property("ttl")
        try:
            ttl = parse_duration(ttl_text) if ttl_text else None
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

    def run(self, ctx: RunContext) -> dict[str, Any]:
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

    def run(self, ctx: RunContext) -> dict[str, Any]:
        key, namespace = _key_and_namespace(ctx)
        deleted = ctx.kv.delete(key, namespace=namespace)
        if not deleted and ctx.render_property("errorOnMissing"):
            raise _missing(key, namespace)
        return {"deleted": deleted}



@register
class PurgeKV(RunnableTask):
    type = "io.kestra.plugin.core.kv.PurgeKV"
    title = "Purge keys from the KV store."
    description = ("Keys of the `namespaces` listed (with their children unless `includeChildNamespaces` is false), "
                   "or of the namespaces matching `namespacePattern`, or of all; only those matching `keyPattern`; "
                   "by default only the expired ones (`behavior.expiredOnly`, or the deprecated `expiredOnly`).")
    properties = (
        Property("keyPattern", description="Purge only the keys matching this glob, e.g. AI_*."),
        Property("namespaces", "array", description="The namespaces whose keys are purged (all when unset)."),
        Property("namespacePattern", description="A glob of the namespaces whose keys are purged."),
        Property("behavior", "object", description="How keys are purged: {type: key, expiredOnly: true}.",
                 fields=(Property("type", "enum", values=("key", "KEY"), description="The purge kind."),
                         Property("expiredOnly", "boolean", default=True, description="Expired keys only."))),
        Property("includeChildNamespaces", "boolean", default=True, description="Purge child namespaces too."),
        Property("expiredOnly", "boolean", description="Deprecated: overrides behavior.expiredOnly."),
    )
    outputs = (Output("size", "integer", "The number of purged KV pairs."),)
    examples = (Example("Purge the expired keys of a namespace and its children", full=True, code="""\
id: purge_kv
namespace: company.team
tasks:
  - id: purge_kv
    type: io.kestra.plugin.core.kv.PurgeKV
    namespaces:
      - company.team
    behavior:
      type: key
      expiredOnly: true
    includeChildNamespaces: true
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.purge_kv.size }} expired keys purged"
"""),)

    def run(self, ctx: RunContext) -> dict[str, Any]:
        namespaces = ctx.render_property("namespaces")
        pattern = ctx.render_property("namespacePattern")
        if namespaces and pattern:
            raise TaskFailed("namespaces and namespacePattern cannot be used together: use one or the other")
        if namespaces is not None and not isinstance(namespaces, list):
            namespaces = [namespaces]
        size = ctx.purge_kv([str(ns) for ns in namespaces] if namespaces else None,
                            str(pattern) if pattern else None,
                            str(ctx.render_property("keyPattern") or "") or None,
                            bool(ctx.render_property("includeChildNamespaces", True)), self._expired_only(ctx))
        ctx.logger.info(f"purged {size} keys")
        return {"size": size}

    def _expired_only(self, ctx: RunContext) -> bool:
        if self.get("expiredOnly") is not None:  # the deprecated flag wins, as in Kestra
            return bool(ctx.render_property("expiredOnly"))
        behavior = ctx.render_property("behavior") or {}
        if not isinstance(behavior, dict):
            raise TaskFailed(f"behavior must be a map such as {{type: key, expiredOnly: true}}, not {behavior!r}")
        return bool(behavior.get("expiredOnly", True))
