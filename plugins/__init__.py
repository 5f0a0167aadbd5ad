"""Task and trigger types, registered by their Kestra type names.

Each family lives in its own package (plugins/core, ...). Importing `plugins.registry`
loads them all, so `registry.resolve(name)` knows every type.
"""
