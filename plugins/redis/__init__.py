"""Kestra's plugin-redis triggers: `io.kestra.plugin.redis.list.Trigger` (a batch of
list items every interval) and `io.kestra.plugin.redis.list.RealtimeTrigger` (one
execution per item), on the `redis` package, imported when a trigger runs."""
