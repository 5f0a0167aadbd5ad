"""Kestra's REST API, `/api/v1/{tenant}/...` (../shared/api-contract.md). So far only
the webhook endpoint, which triggers need; the rest comes with DRF in its own issue."""
