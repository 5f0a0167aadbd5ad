"""Kestra's plugin-amqp triggers: `io.kestra.plugin.amqp.Trigger` (a batch of queue
messages every interval) and `io.kestra.plugin.amqp.RealtimeTrigger` (one execution
per message), on `pika`, imported when a trigger runs. Messages are acknowledged only
once their execution exists; until then the broker holds them, and hands them out
again if the connection ends first."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.amqp.",)
