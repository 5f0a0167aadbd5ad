"""Kestra's plugin-amqp triggers: `io.kestra.plugin.amqp.Trigger` (a batch of queue
messages every interval) and `io.kestra.plugin.amqp.RealtimeTrigger` (one execution
per message), on `pika`, imported when a trigger runs. Messages are acknowledged only
once their execution exists; until then the broker holds them, and hands them out
again if the connection ends first."""
