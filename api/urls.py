"""Every route of the API under /api/v1/. Instance-level routes have no tenant; the
tenant-scoped ones are mounted twice by `tenant_routes` (`main/...` and the alias).
A new resource: `api/<resource>/urls.py` with its `urlpatterns`, named below."""
from django.urls import include, path

from . import webhook
from .routing import tenant_routes

WEBHOOK = "executions/webhook/<str:namespace>/<str:flow_id>/<str:key>"
# Django decodes %2F before routing: the tail after the key may hold slashes.
WEBHOOK_WITH_PATH = f"{WEBHOOK}/<path:path>"

INSTANCE = ["api.configs.urls", "api.me.urls", "api.openapi.urls", "api.plugins.urls", "api.misc.urls"]

TENANT_SCOPED = [
    path("", include("api.misc.tenant_urls")),
    path(WEBHOOK, webhook.webhook, name="webhook"),
    path(WEBHOOK_WITH_PATH, webhook.webhook, name="webhook-with-path"),
    *[path("", include(f"api.{name}.urls"))
      for name in ("flows", "executions", "outputs", "logs", "kv", "namespaces", "files", "triggers", "stats",
                   "metrics")],
]

urlpatterns = [path("", include(module)) for module in INSTANCE] + tenant_routes(TENANT_SCOPED)
