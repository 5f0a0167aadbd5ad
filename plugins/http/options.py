"""`options` (and the deprecated names Kestra still reads) rendered into what the client
needs, read once before the request is sent: a bad value fails before anything goes out."""
from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from plugins.api.durations import DurationError, parse_duration

from .errors import HttpPropertyInvalid
from .properties import LOG_TYPES, PROXY_TYPES

Render = Callable[[Any], Any]

# Kestra's TimeoutConfiguration: readIdleTimeout defaults to 5 minutes; with no
# connectTimeout, Apache's client waits 3 minutes for a connection.
DEFAULT_READ_IDLE_SECONDS = 300.0
DEFAULT_CONNECT_SECONDS = 180.0


@dataclass(frozen=True)
class Auth:
    kind: str  # BASIC, BEARER or DIGEST
    username: str | None = None
    password: str | None = None
    token: str | None = None


@dataclass(frozen=True)
class HttpOptions:
    connect_timeout: float
    read_timeout: float
    follow_redirects: bool
    allow_failed: bool
    allowed_codes: tuple[int, ...]
    charset: str
    verify: bool
    auth: Auth | None
    proxy: str | None
    logs: frozenset[str]

    def accepts(self, code: int) -> bool:
        """Kestra's HttpClient#isAllowedStatusCode: the listed codes only, when listed;
        else any code with allowFailed; else below 400."""
        if self.allowed_codes:
            return code in self.allowed_codes
        return self.allow_failed or code < 400


def read_options(render: Render, spec: dict[str, Any], allow_failed: bool | None = None) -> HttpOptions:
    """The rendered options of an HTTP task or trigger spec; `allow_failed` overrides
    both `allowFailed` names (the Trigger lets its condition judge every code)."""
    options = _mapping(spec.get("options"), "options")
    timeout = _mapping(options.get("timeout"), "options.timeout")
    if allow_failed is None:
        allow_failed = _boolean(render, options.get("allowFailed", spec.get("allowFailed")), "options.allowFailed",
                                False)
    ssl = _mapping(options.get("ssl", spec.get("sslOptions")), "options.ssl")
    return HttpOptions(
        connect_timeout=_seconds(render, timeout.get("connectTimeout", options.get("connectTimeout")),
                                 "options.timeout.connectTimeout", DEFAULT_CONNECT_SECONDS),
        read_timeout=_seconds(render, timeout.get("readIdleTimeout", options.get("readTimeout")),
                              "options.timeout.readIdleTimeout", DEFAULT_READ_IDLE_SECONDS),
        follow_redirects=_boolean(render, options.get("followRedirects"), "options.followRedirects", True),
        allow_failed=allow_failed,
        allowed_codes=_codes(render, options.get("allowedResponseCodes")),
        charset=_charset(render, options.get("defaultCharset")),
        verify=not _boolean(render, ssl.get("insecureTrustAllCertificates"),
                            "options.ssl.insecureTrustAllCertificates", False),
        auth=_auth(render, options),
        proxy=_proxy(render, options),
        logs=_logs(render, options),
    )


def _mapping(value: Any, name: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise HttpPropertyInvalid(name, f"must be a map, not {value!r}")
    return value


def _text(render: Render, value: Any) -> str | None:
    if value is None:
        return None
    rendered = render(value)
    return None if rendered is None else str(rendered)


def _boolean(render: Render, value: Any, name: str, default: bool) -> bool:
    rendered = render(value) if value is not None else None
    if rendered is None or rendered == "":
        return default
    if isinstance(rendered, bool):
        return rendered
    text = str(rendered).strip().lower()
    if text not in ("true", "false"):
        raise HttpPropertyInvalid(name, f"must be true or false, not {rendered!r}")
    return text == "true"


def _seconds(render: Render, value: Any, name: str, default: float) -> float:
    text = _text(render, value)
    if not text:
        return default
    try:
        return parse_duration(text).total_seconds()
    except DurationError as exc:
        raise HttpPropertyInvalid(name, f"must be an ISO-8601 duration like PT30S: {exc}") from None


def _codes(render: Render, value: Any) -> tuple[int, ...]:
    rendered = render(value) if value is not None else None
    if rendered is None:
        return ()
    if not isinstance(rendered, list):
        raise HttpPropertyInvalid("options.allowedResponseCodes", f"must be a list of codes, not {rendered!r}")
    try:
        return tuple(int(str(code).strip()) for code in rendered)
    except ValueError:
        raise HttpPropertyInvalid("options.allowedResponseCodes", f"must hold integers, not {rendered!r}") from None


def _charset(render: Render, value: Any) -> str:
    charset = _text(render, value) or "UTF-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        raise HttpPropertyInvalid("options.defaultCharset", f"unknown charset {charset!r}") from None
    return charset


def _auth(render: Render, options: dict[str, Any]) -> Auth | None:
    auth = _mapping(options.get("auth"), "options.auth")
    if auth:
        kind = (_text(render, auth.get("type")) or "").upper()
        if kind == "BEARER":
            return Auth("BEARER", token=_text(render, auth.get("token")) or "")
        if kind in ("BASIC", "DIGEST"):
            return Auth(kind, _text(render, auth.get("username")) or "", _text(render, auth.get("password")) or "")
        raise HttpPropertyInvalid("options.auth.type", f"must be BASIC, BEARER or DIGEST, not {auth.get('type')!r}")
    user = _text(render, options.get("basicAuthUser"))
    if user is None and options.get("basicAuthPassword") is None:
        return None
    return Auth("BASIC", user or "", _text(render, options.get("basicAuthPassword")) or "")


def _proxy(render: Render, options: dict[str, Any]) -> str | None:
    """The proxy URL httpx takes, or None for DIRECT (Kestra's default)."""
    proxy = _mapping(options.get("proxy"), "options.proxy")
    address = _text(render, proxy.get("address", options.get("proxyAddress")))
    if not address:
        return None
    kind = (_text(render, proxy.get("type", options.get("proxyType"))) or "DIRECT").upper()
    if kind not in PROXY_TYPES:
        raise HttpPropertyInvalid("options.proxy.type", f"must be one of {', '.join(PROXY_TYPES)}, not {kind!r}")
    if kind == "DIRECT":
        return None
    port = _text(render, proxy.get("port", options.get("proxyPort")))
    if not port or not port.strip().isdigit():
        raise HttpPropertyInvalid("options.proxy.port", f"a proxy at {address} needs a port, not {port!r}")
    user = _text(render, proxy.get("username", options.get("proxyUsername")))
    password = _text(render, proxy.get("password", options.get("proxyPassword")))
    credentials = f"{quote(user, safe='')}:{quote(password or '', safe='')}@" if user else ""
    scheme = "socks5" if kind == "SOCKS" else "http"
    return f"{scheme}://{credentials}{address}:{port.strip()}"


# Kestra's HttpConfigurationBuilder#logLevel: the deprecated level as the logs it means.
LOGS_OF_LEVEL = {"TRACE": frozenset(LOG_TYPES), "DEBUG": frozenset({"REQUEST_HEADERS", "RESPONSE_HEADERS"}),
                 "INFO": frozenset({"RESPONSE_HEADERS"})}


def _logs(render: Render, options: dict[str, Any]) -> frozenset[str]:
    logs = render(options["logs"]) if options.get("logs") is not None else None
    if logs is None:
        return LOGS_OF_LEVEL.get((_text(render, options.get("logLevel")) or "").upper(), frozenset())
    if not isinstance(logs, list):
        raise HttpPropertyInvalid("options.logs", f"must be a list, not {logs!r}")
    chosen = frozenset(str(item).upper() for item in logs)
    unknown = sorted(chosen - set(LOG_TYPES))
    if unknown:
        raise HttpPropertyInvalid("options.logs", f"unknown {', '.join(unknown)}; known: {', '.join(LOG_TYPES)}")
    return chosen
