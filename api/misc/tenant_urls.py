"""Tenant-scoped misc routes."""
from django.urls import path

from . import views

urlpatterns = [
    path("worker-selectors/tags", views.WorkerSelectorTagsView.as_view(), name="worker-selector-tags"),
]
