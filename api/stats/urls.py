from django.urls import path

from . import views

urlpatterns = [
    path("stats/executions/daily", views.ExecutionsDailyView.as_view(), name="stats-executions-daily"),
    path("stats/executions/daily/group-by-flow", views.ExecutionsDailyByFlowView.as_view(),
         name="stats-executions-daily-by-flow"),
    path("stats/executions/latest/group-by-flow", views.LatestByFlowView.as_view(), name="stats-latest-by-flow"),
    path("stats/taskruns/daily", views.TaskRunsDailyView.as_view(), name="stats-taskruns-daily"),
]
