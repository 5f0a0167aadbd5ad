"""The flow routes, literal segments before `<namespace>` and `<namespace>/<id>`
(contract §4: `search`, `validate`, ... are never taken for a namespace)."""
from django.urls import include, path

from . import views_bulk as bulk
from . import (
               views_crud,
               views_dependencies,
               views_deprecated,
               views_expressions,
               views_graph,
               views_revisions,
               views_search,
               views_validate,
)

FLOW = "flows/<str:namespace>/<str:id>"

urlpatterns = [
    path("", include("api.templates.urls")),  # Kestra 0.x's templates, mounted with the flows
    path("flows/validate", views_validate.ValidateFlowsView.as_view(), name="flows-validate"),
    path("flows/validate/task", views_validate.ValidateTaskView.as_view(), name="flows-validate-task"),
    path("flows/validate/trigger", views_validate.ValidateTriggerView.as_view(), name="flows-validate-trigger"),
    path("flows/expressions", views_expressions.ExpressionsView.as_view(), name="flows-expressions"),
    path("flows/deprecated", views_deprecated.DeprecatedFlowsView.as_view(), name="flows-deprecated"),
    path("flows/search", views_search.SearchFlowsView.as_view(), name="flows-search"),
    path("flows/source", views_search.SourceSearchView.as_view(), name="flows-source"),
    path("flows/distinct-namespaces", views_search.DistinctNamespacesView.as_view(), name="flows-namespaces"),
    path("flows/bulk", bulk.BulkUpdateView.as_view(), name="flows-bulk"),
    path("flows/import", bulk.ImportView.as_view(), name="flows-import"),
    path("flows/export/by-query", bulk.ExportByQueryView.as_view(), name="flows-export-query"),
    path("flows/export/by-query/csv", bulk.ExportByQueryCsvView.as_view(), name="flows-export-csv"),
    path("flows/export/by-ids", bulk.ExportByIdsView.as_view(), name="flows-export-ids"),
    path("flows/delete/by-ids", bulk.DeleteByIdsView.as_view(), name="flows-delete-ids"),
    path("flows/delete/by-query", bulk.DeleteByQueryView.as_view(), name="flows-delete-query"),
    path("flows/enable/by-ids", bulk.EnableByIds.as_view(), name="flows-enable-ids"),
    path("flows/enable/by-query", bulk.EnableByQuery.as_view(), name="flows-enable-query"),
    path("flows/disable/by-ids", bulk.DisableByIds.as_view(), name="flows-disable-ids"),
    path("flows/disable/by-query", bulk.DisableByQuery.as_view(), name="flows-disable-query"),
    path("flows/graph", views_graph.SourceGraphView.as_view(), name="flows-graph"),
    path("flows", views_crud.FlowsView.as_view(), name="flows"),
    path("flows/<str:namespace>", bulk.NamespaceView.as_view(), name="flows-namespace"),
    path(FLOW, views_crud.FlowView.as_view(), name="flow"),
    path(f"{FLOW}/revisions", views_revisions.RevisionsView.as_view(), name="flow-revisions"),
    path(f"{FLOW}/dependencies", views_dependencies.DependenciesView.as_view(), name="flow-dependencies"),
    path(f"{FLOW}/graph", views_graph.FlowGraphView.as_view(), name="flow-graph"),
    path(f"{FLOW}/tasks/<str:task_id>", views_revisions.FlowTaskView.as_view(), name="flow-task"),
]
