"""The plugin API: everything a plugin family may build on.

Task, trigger and condition base classes (task, trigger, condition), declared
properties (properties), the run context a task receives (context) with its
cancellation (cancellation), streamed storage files (files) and read-only taskrun view
(taskrun), log levels and labels, and the registry of types (registry). Families
(plugins/core, plugins/jdbc, ...) import from here and never from the engine; the
engine drives them through this package. It passes mypy --strict (`make lint`).
"""
