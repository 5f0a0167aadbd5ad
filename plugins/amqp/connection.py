"""Connecting to the broker as Kestra's AbstractAmqpConnection does: `host`, `port`,
`username`, `password` and `virtualHost`, or the deprecated `url`
(amqp://user:password@host:port/vhost), never both."""
from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

from plugins.api.plugin_type import PluginType
from plugins.api.properties import Property
from plugins.api.trigger_events import TriggerContext, TriggerFailed

CONNECTION_PROPERTIES = (
    Property("url", description="Deprecated: amqp://user:password@host:port/virtualHost; use host and port."),
    Property("host", description="The broker's host (required unless the deprecated url is given)."),
    Property("port", default="5672", description="The broker's AMQP port."),
    Property("username", description="The user name."),
    Property("password", description="The password."),
    Property("virtualHost", default="/", description="The virtual host."),
)


def connection_problems(spec: dict[str, Any]) -> list[tuple[str, str]]:
    if spec.get("url") is not None and spec.get("host") is not None:
        return [("url", "Cannot define both `url` and `host`")]
    if spec.get("url") is None and spec.get("host") is None:
        return [("host", "required property missing")]
    return []


def pika_module() -> ModuleType:
    try:
        return importlib.import_module("pika")
    except ImportError as exc:
        raise TriggerFailed(f"the pika package is not installed: {exc}") from None


def connect(ctx: TriggerContext, plugin: PluginType) -> Any:
    """An open pika.BlockingConnection; TriggerFailed(retryable) when the broker does not answer."""
    pika = pika_module()
    host, port = ctx.render(plugin.get("host")), ctx.render(plugin.get("port"))
    username, password = ctx.render(plugin.get("username")), ctx.render(plugin.get("password"))
    virtual_host = ctx.render(plugin.get("virtualHost"))
    url = ctx.render(plugin.spec.get("url"))
    if url:
        parts = urlsplit(str(url))
        host, port = parts.hostname, parts.port or port
        username = unquote(parts.username) if parts.username else username
        password = unquote(parts.password or "") if parts.username else password
        virtual_host = unquote(parts.path) if parts.path not in ("", "/") else virtual_host
    credentials = pika.PlainCredentials(username or "guest", password or "guest")
    try:
        parameters = pika.ConnectionParameters(host=host, port=int(port), virtual_host=virtual_host or "/",
                                               credentials=credentials, socket_timeout=10)
    except (TypeError, ValueError) as exc:
        raise TriggerFailed(f"the AMQP connection properties cannot be used: {exc}") from None
    try:
        return pika.BlockingConnection(parameters)
    except pika.exceptions.AMQPError as exc:
        raise TriggerFailed(f"cannot connect to the AMQP broker at {host}:{port}: {exc!r}", retryable=True) from None


def broker_errors() -> type[Exception]:
    """The base of pika's errors once connected (a queue that does not exist closes the
    channel with 404; a broker gone closes the connection)."""
    error: type[Exception] = pika_module().exceptions.AMQPError
    return error


def failure(exc: Exception) -> TriggerFailed:
    """A broker's refusal in its own words; retryable unless the broker named a
    missing queue or a refused access (reply codes 403, 404)."""
    code = getattr(exc, "reply_code", None)
    return TriggerFailed(f"the AMQP broker refused: {exc!r}", retryable=code not in (403, 404))
