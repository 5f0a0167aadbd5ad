"""Metric routes (Kestra's MetricController); literal segments before `{executionId}`."""
from django.urls import path

from . import views

FLOW = "<str:namespace>/<str:flow_id>"

urlpatterns = [
    path(f"metrics/names/{FLOW}", views.FlowMetricNamesView.as_view(), name="metrics-flow-names"),
    path(f"metrics/names/{FLOW}/<str:task_id>", views.TaskMetricNamesView.as_view(), name="metrics-task-names"),
    path(f"metrics/tasks/{FLOW}", views.TasksWithMetricsView.as_view(), name="metrics-tasks"),
    path(f"metrics/aggregates/{FLOW}/<str:metric>", views.AggregatesView.as_view(), name="metrics-aggregates"),
    path(f"metrics/aggregates/{FLOW}/<str:task_id>/<str:metric>", views.TaskAggregatesView.as_view(),
         name="metrics-task-aggregates"),
    path("metrics/<str:execution_id>", views.ExecutionMetricsView.as_view(), name="metrics-execution"),
]
