"""The plugin API: everything a plugin family may build on.

Task, trigger and condition base classes, declared properties, the run context a task
receives, and the registry of types. Families (plugins/core, plugins/jdbc, ...) import
from here and never from the engine; the engine drives them through this package.
"""
