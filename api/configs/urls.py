from django.urls import path

from . import views

urlpatterns = [
    path("configs", views.ConfigsView.as_view(), name="configs"),
    path("health", views.HealthView.as_view(), name="health"),
]
