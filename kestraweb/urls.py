from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    # The pages of the UI come later; until then the admin is where flows and executions are seen.
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]
