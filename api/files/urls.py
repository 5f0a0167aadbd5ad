from django.urls import path

from . import views

FILES = "namespaces/<str:namespace>/files"

urlpatterns = [
    path(f"{FILES}/directory", views.DirectoryView.as_view(), name="files-directory"),
    path(f"{FILES}/stats", views.StatsView.as_view(), name="files-stats"),
    path(f"{FILES}/revisions", views.RevisionsView.as_view(), name="files-revisions"),
    path(f"{FILES}/search", views.SearchView.as_view(), name="files-search"),
    path(f"{FILES}/export", views.ExportView.as_view(), name="files-export"),
    path(FILES, views.FilesView.as_view(), name="files"),
]
