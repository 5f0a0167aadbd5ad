"""Kestra's HTTP plugin types (io.kestra.plugin.core.http): Request, Download and Trigger,
also under their io.kestra.plugin.fs.http names, on httpx (imported when a request is
sent, never when the family loads)."""

TYPE_PREFIXES = ("io.kestra.plugin.core.http.", "io.kestra.plugin.fs.http.")
