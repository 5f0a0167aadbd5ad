from django.urls import path

from . import views

urlpatterns = [
    path("outputs/executions/<str:execution_id>", views.ExecutionOutputs.as_view()),
    path("outputs/tasks/<str:execution_id>", views.TaskOutputsInformation.as_view()),
    path("outputs/tasks/<str:execution_id>/<str:taskrun_id>", views.TaskRunOutputs.as_view()),
    path("outputs/<str:execution_id>", views.LegacyTaskOutputsInformation.as_view()),
    path("outputs/<str:execution_id>/<str:taskrun_id>", views.LegacyTaskRunOutputs.as_view()),
]
