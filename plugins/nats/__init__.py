"""Kestra's plugin-nats triggers on JetStream: `io.kestra.plugin.nats.core.Trigger` (a
batch of messages every interval) and `io.kestra.plugin.nats.core.RealtimeTrigger`
(one execution per message), on `nats-py`, imported when a trigger runs. A message is
acknowledged (AckPolicy Explicit) only once its execution exists; one never
acknowledged is delivered again after the consumer's ack wait, one released at once."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.nats.",)
