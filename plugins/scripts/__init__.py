"""Kestra's script tasks (io.kestra.plugin.scripts.shell.* and python.*): commands run
by a task runner (the Process runner on the worker's host, or Docker) in a working
directory filled with the task's input and namespace files, their output lines read as
logs, outputs and metrics (plugins.api.process), their output files kept in storage."""

# The type names this family holds: the registry imports it only when a name with one
# of these starts is asked for (plugins.api.registry).
TYPE_PREFIXES = ("io.kestra.plugin.scripts.",)
