"""The flow routes, literal segments before `<namespace>` and `<namespace>/<id>`
(contract §4: `search`, `validate`, ... are never taken for a namespace)."""
from django.urls import path

from . import views_crud, views_revisions, views_search, views_validate

FLOW = "flows/<str:namespace>/<str:id>"

urlpatterns = [
    path("flows/validate", views_validate.ValidateFlowsView.as_view(), name="flows-validate"),
    path("flows/search", views_search.SearchFlowsView.as_view(), name="flows-search"),
    path("flows/source", views_search.SourceSearchView.as_view(), name="flows-source"),
    path("flows/distinct-namespaces", views_search.DistinctNamespacesView.as_view(), name="flows-namespaces"),
    path("flows", views_crud.FlowsView.as_view(), name="flows"),
    path("flows/<str:namespace>", views_search.NamespaceFlowsView.as_view(), name="flows-namespace"),
    path(FLOW, views_crud.FlowView.as_view(), name="flow"),
    path(f"{FLOW}/revisions", views_revisions.RevisionsView.as_view(), name="flow-revisions"),
    path(f"{FLOW}/tasks/<str:task_id>", views_revisions.FlowTaskView.as_view(), name="flow-task"),
]
