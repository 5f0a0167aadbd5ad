"""One MQTT session of a trigger, its messages acknowledged by hand.

Kestra's MQTT triggers connect with a clean session and acknowledge a message as it
arrives. Here the session persists (MQTT 3.1.1 clean session off, MQTT 5 clean start
off with an expiry), so messages published between two polls wait at the broker, and
a QoS 1 message is acknowledged (PUBACK) only when its execution exists: one left
unacknowledged when the connection ends is sent again on the next connection. QoS 2
messages are received (PUBREC) on arrival, as paho-mqtt keeps no state across
connections to finish them later."""
from __future__ import annotations

import base64
import importlib
import queue
import threading
from typing import Any
from urllib.parse import urlsplit

from plugins.api.batches import deserialize
from plugins.api.durations import DurationError, parse_duration
from plugins.api.plugin_type import PluginType
from plugins.api.trigger_events import TriggerContext, TriggerFailed

# How long the broker keeps an MQTT 5 session (and its waiting messages) once the
# trigger is gone: polls further apart than this start a new session.
SESSION_EXPIRY_SECONDS = 7 * 24 * 3600
DEFAULT_CONNECT_SECONDS = 30.0
DISCONNECT_SECONDS = 5.0  # how long closing waits for the broker to see DISCONNECT (and the PUBACKs before it)
# A topic filter this client never subscribes to: unsubscribing from it is a round trip
# whose answer (UNSUBACK, owed even when nothing was subscribed) proves the broker read
# every packet sent before it on this connection.
BARRIER_TOPIC = "kestraweb/ack-barrier"


def topics_of(rendered: Any) -> list[str]:
    """Kestra's Subscribe#topics: a string or a list of strings."""
    if isinstance(rendered, str):
        return [rendered]
    if isinstance(rendered, list) and rendered and all(isinstance(t, str) for t in rendered):
        return rendered
    raise TriggerFailed(f"Invalid topics with type '{type(rendered).__name__}'")


class Session:
    def __init__(self, ctx: TriggerContext, plugin: PluginType) -> None:
        try:
            mqtt = importlib.import_module("paho.mqtt.client")
            self._properties = importlib.import_module("paho.mqtt.properties")
            self._packets = importlib.import_module("paho.mqtt.packettypes")
        except ImportError as exc:
            raise TriggerFailed(f"the paho-mqtt package is not installed: {exc}") from None
        self.mqtt = mqtt
        render = ctx.render
        self.v5 = str(render(plugin.get("mqttVersion")) or "V5").upper() == "V5"
        self.serde = render(plugin.get("serdeType"))
        self.qos = int(render(plugin.get("qos")))
        self.topics = topics_of(render(plugin.spec.get("topic")))
        server = urlsplit(str(render(plugin.get("server")) or ""))
        if server.scheme not in ("tcp", "ssl") or not server.hostname:
            given = render(plugin.get("server"))
            raise TriggerFailed(f"server must be tcp://host:port or ssl://host:port, not '{given}'")
        self.host, self.tls = server.hostname, server.scheme == "ssl"
        self.port = server.port or (8883 if self.tls else 1883)
        client_id = render(plugin.get("clientId")) or f"kestraweb-{ctx.namespace}.{ctx.flow_id}.{ctx.trigger_id}"
        timeout = render(plugin.get("connectionTimeout"))
        try:
            self.connect_seconds = parse_duration(timeout).total_seconds() if timeout else DEFAULT_CONNECT_SECONDS
        except DurationError as exc:
            raise TriggerFailed(f"connectionTimeout: {exc}") from None
        protocol = mqtt.MQTTv5 if self.v5 else mqtt.MQTTv311
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=str(client_id), protocol=protocol,
                                  clean_session=None if self.v5 else False, manual_ack=True)
        username, password = render(plugin.get("username")), render(plugin.get("password"))
        if username is not None:
            self.client.username_pw_set(str(username), None if password is None else str(password))
        if self.tls:
            self.client.tls_set()
        self.received: queue.Queue[Any] = queue.Queue()
        self._connected = threading.Event()
        self._disconnected = threading.Event()
        self._refused: str | None = None
        self._acked = False  # PUBACKs sent that no round trip has confirmed yet
        self._answered: set[int] = set()
        self._answers = threading.Condition()
        self.client.on_connect = self._on_connect
        self.client.on_disconnect = lambda *args: self._disconnected.set()
        self.client.on_message = lambda client, userdata, message: self.received.put(message)
        self.client.on_unsubscribe = self._on_answer
        self.client.on_subscribe = self._on_answer

    def _on_answer(self, client: Any, userdata: Any, mid: int, *rest: Any) -> None:
        """A SUBACK or UNSUBACK: the broker read the request and what came before it."""
        with self._answers:
            self._answered.add(mid)
            self._answers.notify_all()

    def _on_connect(self, client: Any, userdata: Any, flags: Any, reason_code: Any, properties: Any) -> None:
        if reason_code.is_failure:
            self._refused = str(reason_code)
        self._connected.set()

    def open(self) -> Session:
        """Connect and subscribe; TriggerFailed(retryable) when the broker does not answer."""
        options: dict[str, Any] = {}
        if self.v5:
            properties = self._properties.Properties(self._packets.PacketTypes.CONNECT)
            properties.SessionExpiryInterval = SESSION_EXPIRY_SECONDS
            options = {"clean_start": False, "properties": properties}
        try:
            self.client.connect(self.host, self.port, keepalive=60, **options)
        except OSError as exc:
            raise TriggerFailed(f"cannot connect to MQTT server {self.host}:{self.port}: {exc}",
                                retryable=True) from None
        self.client.loop_start()
        if not self._connected.wait(self.connect_seconds) or self._refused:
            self.close()
            raise TriggerFailed(f"MQTT server {self.host}:{self.port} refused or did not answer: "
                                f"{self._refused or 'timeout'}", retryable=True)
        # Waited for, as the same takeover race would drop a SUBSCRIBE left unread.
        self._wait_answer(self.client.subscribe([(topic, self.qos) for topic in self.topics]), self.connect_seconds)
        return self

    def next_message(self, timeout: float) -> Any:
        try:
            return self.received.get(timeout=timeout)
        except queue.Empty:
            return None

    def ack(self, message: Any) -> None:
        self.client.ack(message.mid, message.qos)
        self._acked = True

    def _confirm_acks(self) -> None:
        """Wait until the broker has read the PUBACKs sent. Sent is not enough: when the
        next poll connects with the same client id before the broker read this
        connection's last packets, the broker takes the session over and drops them
        unread ("already connected, closing old connection"), and the acknowledged
        messages come again, each one a duplicate execution."""
        self._wait_answer(self.client.unsubscribe(BARRIER_TOPIC), DISCONNECT_SECONDS)
        self._acked = False

    def _wait_answer(self, sent: tuple[int, int], seconds: float) -> bool:
        result, mid = sent
        if result != self.mqtt.MQTT_ERR_SUCCESS:
            return False
        with self._answers:
            return self._answers.wait_for(lambda: mid in self._answered, seconds)

    def close(self) -> None:
        """End the connection; the subscription stays in the session. The PUBACKs sent
        are confirmed first (see _confirm_acks), and the network thread is stopped only
        once the DISCONNECT went out: stopped earlier, it may drop the packets queued
        before it."""
        if self._acked:
            self._confirm_acks()
        if self.client.disconnect() == self.mqtt.MQTT_ERR_SUCCESS:
            self._disconnected.wait(DISCONNECT_SECONDS)
        self.client.loop_stop()

    def output(self, message: Any) -> dict[str, Any]:
        """Kestra's RealtimeTrigger.Output of a message; absent values left out."""
        payload = deserialize(message.payload, self.serde)
        properties = getattr(message, "properties", None)
        correlation = getattr(properties, "CorrelationData", None) if properties is not None else None
        values = {
            "id": message.mid, "topic": message.topic, "qos": message.qos,
            "payload": base64.b64encode(payload).decode() if isinstance(payload, bytes) else payload,
            "retain": bool(message.retain),
            "responseTopic": getattr(properties, "ResponseTopic", None) if properties is not None else None,
            "correlationData": base64.b64encode(correlation).decode() if correlation else None,
        }
        return {key: value for key, value in values.items() if value is not None}
