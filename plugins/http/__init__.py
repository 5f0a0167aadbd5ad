"""Kestra's HTTP plugin types (io.kestra.plugin.core.http): Request, Download and Trigger, on httpx."""
