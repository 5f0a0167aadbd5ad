"""Kestra's io.kestra.plugin.mqtt.Trigger and RealtimeTrigger."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

from plugins.api.batches import BatchFile, BatchLimits, max_duration_property, max_records_property
from plugins.api.properties import Output, Property
from plugins.api.registry import register
from plugins.api.trigger_events import (
    PollingTriggerType,
    RealtimeTriggerType,
    TriggerContext,
    TriggerEvent,
    interval_property,
)

from .session import Session

SUBSCRIBE_PROPERTIES = (
    Property("server", required=True, description="The server's URI: tcp://host:1883 or ssl://host:8883."),
    Property("clientId", description="The client id, unique on the server; the session is kept under it."),
    Property("mqttVersion", "enum", values=("V3", "V5"), default="V5", description="The MQTT version."),
    Property("connectionTimeout", "duration", description="How long to wait for the connection (default 30 s)."),
    Property("httpsHostnameVerificationEnabled", "boolean", description="Verify the server's host name (ssl)."),
    Property("authMethod", description="The MQTT 5 authentication method."),
    Property("username", description="The user name."),
    Property("password", description="The password."),
    Property("crt", description="The CA certificate of an ssl:// server."),
    Property("topic", "any", required=True, description="The topic, or a list of topics, to subscribe to."),
    Property("serdeType", "enum", values=("STRING", "JSON", "BYTES"), default="JSON",
             description="How a payload is read."),
    Property("qos", "integer", default=1, minimum=0, description="The quality of service of the subscription."),
)
QUIET_SECONDS = 1.0
LISTEN_WAIT_SECONDS = 1.0


@register
class Trigger(PollingTriggerType):
    type = "io.kestra.plugin.mqtt.Trigger"
    title = "Start an execution with a batch of messages of MQTT topics."
    properties = (*SUBSCRIBE_PROPERTIES, interval_property("PT1M"), max_records_property(), max_duration_property())
    outputs = (Output("uri", "string", "The Ion file of the messages."),
               Output("messagesCount", "integer", "The number of messages."))

    def poll(self, ctx: TriggerContext) -> TriggerEvent | None:
        limits = BatchLimits.of(ctx, self)
        session = Session(ctx, self).open()
        batch = BatchFile(ctx)
        messages: list[Any] = []
        while not limits.reached(len(messages)):
            remaining = limits.remaining()
            message = session.next_message(QUIET_SECONDS if remaining is None else max(remaining, 0.01))
            if message is None and (remaining is None or limits.remaining() == 0.0):
                break
            if message is not None:
                messages.append(message)
                batch.write(session.output(message))
        if not messages:
            batch.discard()
            session.close()
            return None
        uri = batch.store()

        def ack() -> None:
            for message in messages:
                session.ack(message)
            session.close()

        return TriggerEvent({"uri": uri, "messagesCount": len(messages)}, on_ack=ack, on_release=session.close)


@register
class RealtimeTrigger(RealtimeTriggerType):
    type = "io.kestra.plugin.mqtt.RealtimeTrigger"
    title = "Start an execution for each message of MQTT topics."
    properties = SUBSCRIBE_PROPERTIES
    outputs = (Output("topic", "string", "The topic the message came on."),
               Output("payload", "any", "The payload, read by serdeType."),
               Output("qos", "integer", "The message's quality of service."),
               Output("id", "integer", "The message id."),
               Output("retain", "boolean", "Whether the broker retained the message."))

    def listen(self, ctx: TriggerContext, stop_event: threading.Event) -> Iterator[TriggerEvent]:
        session = Session(ctx, self).open()
        try:
            while not stop_event.is_set():
                message = session.next_message(LISTEN_WAIT_SECONDS)
                if message is not None:
                    yield TriggerEvent(session.output(message), on_ack=partial(session.ack, message))
        finally:
            session.close()
