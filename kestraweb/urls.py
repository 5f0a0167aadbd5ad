from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from api.configs.views import HealthView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("health", HealthView.as_view()),  # where Kestra's management port serves it
    # The pages of the UI come later; until then the admin is where flows and executions are seen.
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
