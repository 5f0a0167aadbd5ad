"""Tenant-scoped misc routes."""
from django.urls import path

from . import basic_auth, usage, views

urlpatterns = [
    path("worker-selectors/tags", views.WorkerSelectorTagsView.as_view(), name="worker-selector-tags"),
    path("basicAuth", basic_auth.BasicAuthView.as_view(), name="basic-auth"),
    path("usages", usage.TenantUsageView.as_view(), name="tenant-usage"),
    path("usages/all", usage.UsagesView.as_view(), name="usages"),
]
