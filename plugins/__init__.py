"""Task and trigger types, registered by their Kestra type names.

Each family lives in its own package (plugins/core, plugins/jdbc, ...) and builds on
plugins/api, the plugin API. Importing `plugins.api.registry` loads them all, so
`registry.resolve(name)` knows every type.
"""
