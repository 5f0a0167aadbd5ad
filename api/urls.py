from django.urls import path

from . import webhook

WEBHOOK = "executions/webhook/<str:namespace>/<str:flow_id>/<str:key>"
# Django decodes %2F before routing: the tail after the key may hold slashes.
WEBHOOK_WITH_PATH = f"{WEBHOOK}/<path:path>"

urlpatterns = [
    path(f"{webhook.TENANT}/{WEBHOOK}", webhook.webhook, name="webhook"),
    path(f"{webhook.TENANT}/{WEBHOOK_WITH_PATH}", webhook.webhook, name="webhook-with-path"),
    path(WEBHOOK, webhook.webhook, name="webhook-no-tenant"),
    path(WEBHOOK_WITH_PATH, webhook.webhook, name="webhook-no-tenant-with-path"),
]
