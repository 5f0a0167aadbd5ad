from django.urls import path

from . import views

urlpatterns = [
    path("templates/search", views.SearchTemplatesView.as_view(), name="templates-search"),
    path("templates/distinct-namespaces", views.DistinctNamespacesView.as_view(), name="templates-namespaces"),
    path("templates/validate", views.ValidateTemplatesView.as_view(), name="templates-validate"),
    path("templates", views.TemplatesView.as_view(), name="templates"),
    path("templates/<str:namespace>", views.NamespaceTemplatesView.as_view(), name="templates-namespace"),
    path("templates/<str:namespace>/<str:id>", views.TemplateView.as_view(), name="template"),
]
