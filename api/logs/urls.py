from django.urls import path

from . import views

urlpatterns = [
    path("logs/search", views.SearchLogsView.as_view(), name="logs-search"),
    path("logs/<str:execution_id>/download", views.DownloadLogsView.as_view(), name="logs-download"),
    path("logs/<str:execution_id>/follow", views.FollowLogsView.as_view(), name="logs-follow"),
    path("logs/<str:execution_id>", views.ExecutionLogsView.as_view(), name="logs-execution"),
    path("logs/<str:namespace>/<str:flow_id>", views.FlowLogsView.as_view(), name="logs-flow"),
]
