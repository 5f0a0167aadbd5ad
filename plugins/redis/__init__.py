"""Kestra's plugin-redis triggers: `io.kestra.plugin.redis.list.Trigger` (a batch of
list items every interval) and `io.kestra.plugin.redis.list.RealtimeTrigger` (one
execution per item), on the `redis` package, imported when a trigger runs."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.redis.",)
