from django.urls import path

from . import webhook

WEBHOOK = "executions/webhook/<str:namespace>/<str:flow_id>/<str:key>"

urlpatterns = [
    path(f"{webhook.TENANT}/{WEBHOOK}", webhook.webhook, name="webhook"),
    path(WEBHOOK, webhook.webhook, name="webhook-no-tenant"),
]
