"""Instance-level misc routes (`/api/v1/...`, no tenant)."""
from django.urls import path

from . import setup, views

urlpatterns = [
    path("pebble/filters", views.PebbleFiltersView.as_view(), name="pebble-filters"),
    path("pebble/functions", views.PebbleFunctionsView.as_view(), name="pebble-functions"),
    path("configs/login", views.LoginConfigurationView.as_view(), name="configs-login"),
    path("basicAuthValidationErrors", views.BasicAuthValidationErrorsView.as_view(),
         name="basic-auth-validation-errors"),
    path("setup", setup.SetupView.as_view(), name="setup"),
]
