from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from api.configs.views import HealthView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("health", HealthView.as_view()),  # where Kestra's management port serves it
    path("", include("kestraweb.pages.urls")),
    path("", RedirectView.as_view(url="/ui/", permanent=False)),
]
