"""Routes of /executions: literal segments first (search, by-flow listing), then the
actions under /{id}/actions/ and their 1.x spellings /{id}/<action>, then /{ns}/{id}
(create) and /{id} (contract §4). A 1.x action name is taken by the action, as Kestra
reserves those words as flow ids."""
from django.urls import path

from . import (
    breakpoints,
    bulk,
    distinct_values,
    export_csv,
    files,
    flows,
    follow,
    follow_dependencies,
    graph,
    validate,
    views,
)
from .actions import ACTIONS, EvalTaskRun

ID = "executions/<str:execution_id>"


def undocumented(view):
    """A 1.x spelling of a documented route: served, left out of the OpenAPI."""
    return type(f"Legacy{view.__name__}", (view,), {"schema": None})


urlpatterns = [
    path("executions/search", views.SearchExecutions.as_view()),
    path("executions", views.ExecutionsByFlow.as_view()),
    path("executions/latest", flows.LatestExecutions.as_view()),
    path("executions/distinct-field-values", distinct_values.DistinctFieldValues.as_view()),
    path("executions/export/by-query/csv", export_csv.export_csv),
    path("executions/namespaces", flows.ExecutableNamespaces.as_view()),
    path("executions/namespaces/<str:namespace>/flows", flows.ExecutableFlows.as_view()),
    path("executions/namespaces/<str:namespace>/flows/<str:flow_id>/average-duration",
         flows.AverageDuration.as_view()),
    path("executions/flows/<str:namespace>/<str:flow_id>", flows.FlowForExecution.as_view()),
    *[path(route, view.as_view()) for route, view in bulk.routes()],
    *[path(f"{ID}/actions/{name}", view.as_view()) for name, view in ACTIONS.items()],
    path(f"{ID}/actions/resume/validate", validate.ValidateResume.as_view()),
    path(f"{ID}/resume/validate", undocumented(validate.ValidateResume).as_view()),
    path(f"{ID}/actions/resume-from-breakpoint", breakpoints.ResumeFromBreakpoint.as_view()),
    path(f"{ID}/actions/eval/<str:taskrun_id>", EvalTaskRun.as_view()),
    path(f"{ID}/eval/<str:taskrun_id>", undocumented(EvalTaskRun).as_view()),
    path(f"{ID}/follow", follow.follow_execution),
    path(f"{ID}/follow-dependencies", follow_dependencies.follow_dependencies),
    path(f"{ID}/graph", graph.ExecutionGraph.as_view()),
    path(f"{ID}/flow", flows.FlowOfExecution.as_view()),
    path(f"{ID}/file", files.ExecutionFile.as_view()),
    path(f"{ID}/file/metas", files.ExecutionFileMetas.as_view()),
    path(f"{ID}/file/preview", files.ExecutionFilePreview.as_view()),
    *[path(f"{ID}/{name}", undocumented(view).as_view()) for name, view in ACTIONS.items()],
    path("executions/<str:namespace>/<str:flow_id>", views.create_execution),
    path("executions/<str:namespace>/<str:flow_id>/validate", validate.ValidateNewExecution.as_view()),
    path(ID, views.ExecutionView.as_view()),
]
