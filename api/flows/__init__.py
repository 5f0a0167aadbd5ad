"""Kestra's flows API (FlowController): `/api/v1/{tenant}/flows/...`."""
