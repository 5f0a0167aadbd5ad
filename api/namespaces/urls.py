from django.urls import path

from . import dependencies, views

urlpatterns = [
    path("namespaces", views.NamespacesView.as_view(), name="namespaces"),
    path("namespaces/search", views.SearchNamespacesView.as_view(), name="namespaces-search"),
    path("namespaces/autocomplete", views.AutocompleteView.as_view(), name="namespaces-autocomplete"),
    path("namespaces/<str:namespace_id>/inherited-variables", views.InheritedVariablesView.as_view(),
         name="namespace-inherited-variables"),
    path("namespaces/<str:namespace_id>/dependencies", dependencies.NamespaceDependenciesView.as_view(),
         name="namespace-dependencies"),
    path("namespaces/<str:namespace_id>", views.NamespaceView.as_view(), name="namespace"),
]
