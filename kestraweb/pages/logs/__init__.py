"""Logs: a search of every execution's log lines by level, namespace, flow, text and
time, newest first, with the API's log search filters (api.logs.views.FIELDS)."""
