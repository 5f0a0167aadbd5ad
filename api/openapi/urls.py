"""The OpenAPI document drf-spectacular builds from the views (`/api/v1/openapi.json`)
and a Swagger UI (`/api/v1/swagger-ui`) served from drf-spectacular-sidecar's files,
no CDN."""
from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import schema  # noqa: F401 - registers the authentication schemes


class OpenApiJsonView(SpectacularAPIView):
    renderer_classes = [OpenApiJsonRenderer]
    authentication_classes = []
    permission_classes = []


class SwaggerView(SpectacularSwaggerView):
    authentication_classes = []
    permission_classes = []


urlpatterns = [
    path("openapi.json", OpenApiJsonView.as_view(), name="openapi"),
    path("swagger-ui", SwaggerView.as_view(url_name="openapi"), name="swagger-ui"),
]
