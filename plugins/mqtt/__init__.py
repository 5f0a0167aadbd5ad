"""Kestra's plugin-mqtt triggers: `io.kestra.plugin.mqtt.Trigger` (a batch of messages
every interval) and `io.kestra.plugin.mqtt.RealtimeTrigger` (one execution per
message), on `paho-mqtt`, imported when a trigger runs."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.mqtt.",)
