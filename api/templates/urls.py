from django.urls import path

from . import transfer, views

urlpatterns = [
    path("templates/search", views.SearchTemplatesView.as_view(), name="templates-search"),
    path("templates/distinct-namespaces", views.DistinctNamespacesView.as_view(), name="templates-namespaces"),
    path("templates/validate", views.ValidateTemplatesView.as_view(), name="templates-validate"),
    path("templates/import", transfer.ImportView.as_view(), name="templates-import"),
    path("templates/export/by-query", transfer.ExportByQueryView.as_view(), name="templates-export-query"),
    path("templates/export/by-ids", transfer.ExportByIdsView.as_view(), name="templates-export-ids"),
    path("templates/delete/by-query", transfer.DeleteByQueryView.as_view(), name="templates-delete-query"),
    path("templates/delete/by-ids", transfer.DeleteByIdsView.as_view(), name="templates-delete-ids"),
    path("templates", views.TemplatesView.as_view(), name="templates"),
    path("templates/<str:namespace>", views.NamespaceTemplatesView.as_view(), name="templates-namespace"),
    path("templates/<str:namespace>/<str:id>", views.TemplateView.as_view(), name="template"),
]
