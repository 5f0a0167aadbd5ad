"""What drf-spectacular needs to know beyond the views: our authentication classes, and
that the tenant-less routes are aliases (documented once, under /api/v1/main/)."""
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from ..routing import TENANT

PREFIX = "/api/v1/"


class BasicAuthScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BasicAuth"
    name = "basicAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "basic"}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "An API token from POST /api/v1/me/api-tokens"}


def drop_tenant_aliases(endpoints, **kwargs):
    """SPECTACULAR_SETTINGS' PREPROCESSING_HOOKS: leave out `/api/v1/x` when
    `/api/v1/main/x` is served too."""
    paths = {path for path, *_ in endpoints}
    return [(path, regex, method, callback) for path, regex, method, callback in endpoints
            if not (path.startswith(PREFIX) and f"{PREFIX}{TENANT}/{path[len(PREFIX):]}" in paths)]
