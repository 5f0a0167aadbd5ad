"""Kestra's core plugin family: log, debug, flow, execution, kv, output, storage, http."""

# The type names (current and legacy) this family holds: the registry imports it only
# when a name with one of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.core.", "io.kestra.core.")
