"""Kestra's plugin-mqtt triggers: `io.kestra.plugin.mqtt.Trigger` (a batch of messages
every interval) and `io.kestra.plugin.mqtt.RealtimeTrigger` (one execution per
message), on `paho-mqtt`, imported when a trigger runs."""
