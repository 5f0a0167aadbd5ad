"""Kestra's routes with and without the tenant.

Kestra 0.21+ serves `/api/v1/{tenant}/...`; the only tenant here is `main`. The same
routes also answer without it (`/api/v1/executions/...`), as Kestra up to 0.20 did and
as the in-script `kestra` library still calls them. A resource declares its routes once,
without any tenant, in `api/<resource>/urls.py`; `api/urls.py` mounts them with
`tenant_routes`. A path under another tenant matches nothing: 404 problem.

Order matters inside one resource's list: literal segments first
(`flows/search`, `flows/validate`), parameters after (`flows/<namespace>/<id>`), since
Django takes the first match (contract §4)."""
from django.urls import include, path

TENANT = "main"


def tenant_routes(patterns: list) -> list:
    """`patterns` served at `main/...` and at `...` (the tenant-less alias)."""
    return [path(f"{TENANT}/", include(patterns)), path("", include(patterns))]
