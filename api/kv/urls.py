from django.urls import path

from . import views

urlpatterns = [
    path("kv", views.AllKeysView.as_view(), name="kv-all"),
    path("namespaces/<str:namespace>/kv", views.NamespaceKeysView.as_view(), name="kv-namespace"),
    path("namespaces/<str:namespace>/kv/inheritance", views.InheritedKeysView.as_view(), name="kv-inheritance"),
    path("namespaces/<str:namespace>/kv/<str:key>", views.KeyView.as_view(), name="kv-key"),
]
