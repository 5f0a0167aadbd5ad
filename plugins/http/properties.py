"""The properties Kestra's HTTP types share (io.kestra.plugin.core.http.AbstractHttp,
HttpInterface and io.kestra.core.http.client.configurations.HttpConfiguration),
declared once for Request, Download and Trigger.

`options` holds the client's configuration. Kestra still reads its older names, so
they are declared too: `options.connectTimeout`, `options.readTimeout`,
`options.basicAuthUser`/`basicAuthPassword`, `options.proxy*`, `options.logLevel`, and
the top-level `allowFailed` and `sslOptions`. `options.readIdleTimeout`,
`connectionPoolIdleTimeout` and `maxContentLength` are accepted and ignored, as Kestra
ignores them."""
from __future__ import annotations

from typing import Any

from plugins.api.log_levels import LOG_LEVELS
from plugins.api.properties import Property

AUTH_TYPES = ("BASIC", "BEARER", "DIGEST")
PROXY_TYPES = ("DIRECT", "HTTP", "SOCKS")
LOG_TYPES = ("REQUEST_HEADERS", "REQUEST_BODY", "RESPONSE_HEADERS", "RESPONSE_BODY")

# The keys each nested map of `options` may hold (checked when the flow is saved).
TIMEOUT_KEYS = ("connectTimeout", "readIdleTimeout")
SSL_KEYS = ("insecureTrustAllCertificates",)
PROXY_KEYS = ("type", "address", "port", "username", "password")
AUTH_KEYS = {"BASIC": ("type", "username", "password"), "BEARER": ("type", "token"),
             "DIGEST": ("type", "username", "password")}

OPTIONS_FIELDS = (
    Property("timeout", "object", description="connectTimeout (none by default) and readIdleTimeout (PT5M)."),
    Property("proxy", "object", description="type (DIRECT, HTTP, SOCKS), address, port, username, password."),
    Property("auth", "object", description="type BASIC (username, password), BEARER (token) or DIGEST "
                                           "(username, password)."),
    Property("ssl", "object", description="insecureTrustAllCertificates: accept any certificate (self-signed)."),
    Property("followRedirects", "boolean", default=True, description="Follow redirects."),
    Property("allowFailed", "boolean", default=False,
             description="Accept a failed response code (>= 400) instead of failing."),
    Property("allowedResponseCodes", "array", items="integer",
             description="The only response codes accepted; when set, allowFailed is not read."),
    Property("defaultCharset", default="UTF-8", description="The charset of a text body sent."),
    Property("logs", "array", items="string",
             description="What to log: REQUEST_HEADERS, REQUEST_BODY, RESPONSE_HEADERS, RESPONSE_BODY."),
    # Deprecated names Kestra still maps onto the ones above.
    Property("connectTimeout", "duration", description="Deprecated: timeout.connectTimeout."),
    Property("readTimeout", "duration", description="Deprecated: timeout.readIdleTimeout."),
    Property("proxyType", "enum", values=PROXY_TYPES, description="Deprecated: proxy.type."),
    Property("proxyAddress", description="Deprecated: proxy.address."),
    Property("proxyPort", "integer", description="Deprecated: proxy.port."),
    Property("proxyUsername", description="Deprecated: proxy.username."),
    Property("proxyPassword", description="Deprecated: proxy.password."),
    Property("basicAuthUser", description="Deprecated: auth.username with type BASIC."),
    Property("basicAuthPassword", description="Deprecated: auth.password with type BASIC."),
    Property("logLevel", "enum", values=(*LOG_LEVELS, "OFF", "NOT_SPECIFIED"),  # Micronaut's LogLevel
             description="Deprecated: logs (TRACE logs all, DEBUG headers, INFO response headers)."),
    # Deprecated names Kestra accepts and ignores.
    Property("readIdleTimeout", "duration", description="Deprecated and ignored (Kestra ignores it too)."),
    Property("connectionPoolIdleTimeout", "duration", description="Deprecated and ignored."),
    Property("maxContentLength", "integer", description="Deprecated and ignored."),
)

URI = Property("uri", required=True, description="The fully-qualified URI that points to the HTTP destination.")
METHOD = Property("method", default="GET", description="The HTTP method to use.")
BODY = Property("body", description="The full body as a string.")
FORM_DATA = Property("formData", "object",
                     description="The form data to send: URL-encoded, or multipart when contentType is "
                                 "multipart/form-data (a kestra:// value, or a {name, content} map, sends a file).")
CONTENT_TYPE = Property("contentType", default="application/json", description="The request content type.")
HEADERS = Property("headers", "object", description="The headers to pass to the request.")
OPTIONS = Property("options", "object", fields=OPTIONS_FIELDS, dynamic=False,  # its fields are dynamic, its keys not
                   description="The HTTP request options.")
ALLOW_FAILED = Property("allowFailed", "boolean", description="Deprecated: options.allowFailed.")
SSL_OPTIONS = Property("sslOptions", "object", description="Deprecated: options.ssl.")
ENCRYPT_BODY = Property("encryptBody", "boolean", default=False,
                        description="Output the response body encrypted (encryptedBody) instead of as body.")

HTTP_PROPERTIES = (URI, METHOD, BODY, FORM_DATA, CONTENT_TYPE, HEADERS, OPTIONS, ALLOW_FAILED, SSL_OPTIONS)


def nested_problems(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """Keys of `options`' nested maps that Kestra would refuse (an unknown auth type, a
    typo in `ssl`), as (path, message) pairs; values with expressions are left to run time."""
    options = spec.get("options")
    sources: list[tuple[str, Any, tuple[str, ...]]] = [("sslOptions", spec.get("sslOptions"), SSL_KEYS)]
    if isinstance(options, dict):
        sources += [("options.timeout", options.get("timeout"), TIMEOUT_KEYS),
                    ("options.ssl", options.get("ssl"), SSL_KEYS),
                    ("options.proxy", options.get("proxy"), PROXY_KEYS)]
        auth = options.get("auth")
        if isinstance(auth, dict):
            kind = str(auth.get("type", "")).upper()
            if kind not in AUTH_KEYS:
                return [("options.auth.type", f"must be one of {', '.join(AUTH_TYPES)}, not {auth.get('type')!r}")]
            sources.append(("options.auth", auth, AUTH_KEYS[kind]))
    problems = []
    for path, mapping, known in sources:
        if isinstance(mapping, dict):
            problems += [(f"{path}.{key}", f"unknown property '{key}'; known: {', '.join(known)}")
                         for key in mapping if key not in known]
    return problems
