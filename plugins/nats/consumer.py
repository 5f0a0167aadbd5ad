"""A JetStream pull consumer as Kestra's nats Consume task makes one: `subject`,
`durableId`, `deliverPolicy`, `since`, AckPolicy Explicit; and a message as Kestra's
NatsMessageOutput gives it (`subject`, `headers`, `data`, `timestamp`)."""
from __future__ import annotations

import importlib
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

from expressions.dates.named import format_named_or_pattern
from plugins.api.plugin_type import PluginType
from plugins.api.properties import Property
from plugins.api.trigger_events import TriggerContext, TriggerFailed

from .bridge import Bridge

DELIVER_POLICIES = {"All": "all", "Last": "last", "New": "new", "ByStartSequence": "by_start_sequence",
                    "ByStartTime": "by_start_time", "LastPerSubject": "last_per_subject"}
CONNECTION_PROPERTIES = (
    Property("url", required=True, description="The server: nats://host:4222 (or nats://token@host:4222)."),
    Property("username", description="The user name."),
    Property("password", description="The password."),
    Property("token", description="The authentication token."),
    Property("creds", description="The content of a credentials file."),
)
SUBSCRIBE_PROPERTIES = (
    Property("subject", required=True, description="The subject of the JetStream stream to consume."),
    Property("durableId", description="The durable consumer, which resumes where the last run stopped."),
    Property("since", description="Consume messages since this ISO-8601 date (a new consumer only)."),
    Property("batchSize", "integer", default=10, minimum=1, description="Messages fetched per pull."),
    Property("deliverPolicy", "enum", values=tuple(DELIVER_POLICIES), default="All",
             description="Where a new consumer starts in the stream."),
)


def nats_modules() -> tuple[ModuleType, ModuleType]:
    try:
        return importlib.import_module("nats"), importlib.import_module("nats.js.api")
    except ImportError as exc:
        raise TriggerFailed(f"the nats-py package is not installed: {exc}") from None


class Consumer:
    """A connection and its pull subscription, on a Bridge of their own."""

    def __init__(self, ctx: TriggerContext, plugin: PluginType) -> None:
        self.nats, self.api = nats_modules()
        render = ctx.render
        url = str(render(plugin.get("url")) or "")
        self.url = url if "://" in url else f"nats://{url}"
        self.options = {key: render(plugin.get(name)) for key, name in
                        (("user", "username"), ("password", "password"), ("token", "token"))
                        if plugin.get(name) is not None}
        creds = render(plugin.get("creds"))
        if creds:  # Kestra writes the credentials to a file of the working directory, as nats wants a path
            path = ctx.working_dir() / "nats.creds"
            path.write_text(str(creds), encoding="utf-8")
            self.options["user_credentials"] = str(path)
        self.subject = str(render(plugin.get("subject")))
        self.durable = render(plugin.get("durableId"))
        policy = str(render(plugin.get("deliverPolicy")))
        matching = {name.upper(): value for name, value in DELIVER_POLICIES.items()}
        if policy.upper() not in matching:
            raise TriggerFailed(f"deliverPolicy must be one of {', '.join(DELIVER_POLICIES)}, not '{policy}'")
        self.deliver_policy = matching[policy.upper()]
        self.since = render(plugin.get("since"))
        self.batch_size = int(render(plugin.get("batchSize")))
        self.bridge = Bridge()
        # nats-py's Client and JetStream pull subscription, set by open()
        self.connection: Any = None
        self.subscription: Any = None

    def open(self) -> Consumer:
        try:
            self.bridge.call(self._open())
        except (OSError, self.nats.errors.Error) as exc:
            self.close()
            raise TriggerFailed(f"cannot consume {self.subject} at {self.url}: {exc!r}",
                                retryable=isinstance(exc, (OSError, self.nats.errors.NoServersError))) from None
        return self

    async def _open(self) -> None:
        self.connection = await self.nats.connect(servers=[self.url], connect_timeout=10, allow_reconnect=False,
                                                  **self.options)
        config = self.api.ConsumerConfig(ack_policy=self.api.AckPolicy.EXPLICIT,
                                         deliver_policy=self.api.DeliverPolicy(self.deliver_policy),
                                         opt_start_time=self.since or None)
        self.subscription = await self.connection.jetstream().pull_subscribe(self.subject, durable=self.durable,
                                                                             config=config)

    def fetch(self, count: int, wait_seconds: float) -> list[Any]:
        """Up to `count` messages, waiting at most `wait_seconds` for the first; none after that."""
        try:
            messages: list[Any] = self.bridge.call(self.subscription.fetch(count, timeout=wait_seconds))
            return messages
        except (self.nats.errors.TimeoutError, TimeoutError):  # nats-py lets asyncio's own through at times
            return []

    def settle(self, messages: list[Any], ack: bool) -> None:
        async def each() -> None:
            for message in messages:
                await (message.ack() if ack else message.nak())
        self.bridge.call(each())

    def close(self) -> None:
        if self.connection is not None and not self.connection.is_closed:
            self.bridge.call(self.connection.close())
        self.bridge.stop()


def output_of(message: Any) -> dict[str, Any]:
    """Kestra's NatsMessageOutput: headers as lists, data as text, the stream's timestamp."""
    stamp = message.metadata.timestamp
    if isinstance(stamp, datetime):
        stamp = format_named_or_pattern(stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC), "iso_instant")
    return {"subject": message.subject,
            "headers": {key: [value] for key, value in (message.headers or {}).items()},
            "data": message.data.decode("utf-8", errors="replace"),
            "timestamp": stamp}
