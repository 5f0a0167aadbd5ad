"""Sending one request with httpx (imported here, when a request is sent, never when the
family is registered) and holding its response open while the caller reads it.

A killed or timed-out task must not stay blocked in a read until the server speaks:
the sockets the request opened are remembered (httpx's public `trace` extension reports
each connection) and shut down by the task's on_cancel callback, which wakes the read
at once; the task then ends with the TaskInterrupted of its cancellation."""
from __future__ import annotations

import contextlib
import importlib
import socket
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from plugins.api.context import TaskLogger

from .errors import HttpFailed, HttpPropertyInvalid, HttpResponseRefused
from .options import HttpOptions
from .outgoing import Outgoing

if TYPE_CHECKING:
    import httpx

    from plugins.api.cancellation import Cancellation

# Kestra's client announces itself so.
USER_AGENT = "Kestra"
# How much of a refused response's body its error message quotes.
ERROR_BODY_BYTES = 64 * 1024
CREDENTIAL_HEADERS = frozenset({b"authorization", b"proxy-authorization"})


def httpx_module() -> Any:
    try:
        return importlib.import_module("httpx")
    except ImportError as exc:
        raise HttpFailed(f"the httpx package is not installed: {exc}") from None


class OpenSockets:
    """The sockets of one request, shut down on cancellation: shutdown(), unlike
    close(), wakes a thread blocked reading them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: list[Any] = []
        self._shut = False

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpx's `trace` request extension: keeps each connection it reports."""
        if event.endswith(("connect_tcp.complete", "start_tls.complete")) and info.get("return_value") is not None:
            with self._lock:
                self._streams.append(info["return_value"])
                shut = self._shut
            if shut:  # cancelled while connecting
                self.shut_down()

    def shut_down(self) -> None:
        with self._lock:
            self._shut = True
            streams = list(self._streams)
        for stream in streams:
            sock = stream.get_extra_info("socket")
            if sock is None:
                continue
            with contextlib.suppress(OSError):  # already closed, or detached by its TLS wrapper
                sock.shutdown(socket.SHUT_RDWR)


def client(options: HttpOptions) -> httpx.Client:
    """An httpx client configured as Kestra's HttpClient is by `options`."""
    lib = httpx_module()
    timeout = lib.Timeout(options.read_timeout, connect=options.connect_timeout, pool=options.connect_timeout)
    auth: Any = None
    headers = {"User-Agent": USER_AGENT}
    if options.auth is not None:
        if options.auth.kind == "BEARER":
            headers["Authorization"] = f"Bearer {options.auth.token}"
        elif options.auth.kind == "DIGEST":
            auth = lib.DigestAuth(options.auth.username or "", options.auth.password or "")
        else:
            auth = lib.BasicAuth(options.auth.username or "", options.auth.password or "")
    try:
        made: httpx.Client = lib.Client(timeout=timeout, verify=options.verify, auth=auth, headers=headers,
                                          follow_redirects=options.follow_redirects, proxy=options.proxy)
        return made
    except ImportError as exc:  # a SOCKS proxy without the socksio package
        raise HttpPropertyInvalid("options.proxy", str(exc)) from None


@contextmanager
def exchange(outgoing: Outgoing, options: HttpOptions, logger: TaskLogger,
             cancellation: Cancellation | None) -> Iterator[httpx.Response]:
    """Send `outgoing`; yield its response, its body not yet read, once its code is
    accepted (HttpResponseRefused otherwise). Any transport error, while sending or while
    the caller reads the body, becomes HttpFailed, or TaskInterrupted when the task was
    cancelled."""
    httpx = httpx_module()
    sockets = OpenSockets()
    with ExitStack() as stack, translated_errors(outgoing.url, options, cancellation):
        if cancellation is not None:
            stack.callback(cancellation.on_cancel(sockets.shut_down))
            cancellation.check()
        http = stack.enter_context(client(options))
        try:
            request = http.build_request(outgoing.method, outgoing.url, headers=outgoing.headers,
                                         content=outgoing.content, data=outgoing.form, files=outgoing.files or None,
                                         extensions={"trace": sockets.trace})
        except httpx.InvalidURL as exc:
            raise HttpPropertyInvalid("uri", f"{outgoing.url!r} is no valid URL: {exc}") from None
        _log_request(logger, options, request, outgoing)
        response = http.send(request, stream=True)
        stack.callback(response.close)
        _log_response_headers(logger, options, response)
        if not options.accepts(response.status_code):
            raise HttpResponseRefused(response.status_code, _error_body(response))
        yield response


@contextmanager
def translated_errors(url: str, options: HttpOptions, cancellation: Cancellation | None) -> Iterator[None]:
    httpx = httpx_module()
    try:
        yield
    except httpx.UnsupportedProtocol as exc:
        raise HttpPropertyInvalid("uri", f"{url!r}: {exc}") from None
    except httpx.TimeoutException as exc:
        _interrupted(cancellation)
        raise HttpFailed(f"{url}: timed out ({type(exc).__name__}: {exc}); connectTimeout "
                         f"{options.connect_timeout:g}s, readIdleTimeout {options.read_timeout:g}s",
                         retryable=True) from None
    except httpx.HTTPError as exc:
        _interrupted(cancellation)
        message = str(exc) or type(exc).__name__
        certificate = "CERTIFICATE_VERIFY_FAILED" in message
        hint = " (options.ssl.insecureTrustAllCertificates accepts a self-signed certificate)" if certificate else ""
        raise HttpFailed(f"{url}: {message}{hint}", retryable=not certificate) from None
    except OSError:
        _interrupted(cancellation)
        raise


def _interrupted(cancellation: Cancellation | None) -> None:
    """A read broken by our own cancellation is the task's kill or timeout, no HTTP error."""
    if cancellation is not None:
        cancellation.check()


def _error_body(response: httpx.Response) -> str:
    """The start of a refused response's body, for the error message."""
    kept = bytearray()
    for chunk in response.iter_bytes():
        kept += chunk
        if len(kept) >= ERROR_BODY_BYTES:
            break
    return bytes(kept[:ERROR_BODY_BYTES]).decode("utf-8", errors="replace")


def headers_output(response: httpx.Response) -> dict[str, list[str]]:
    """Kestra's `headers` output: each name, as the server wrote it first, with all its values."""
    grouped: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for raw_name, raw_value in response.headers.raw:
        name = raw_name.decode("latin-1")
        key = names.setdefault(name.lower(), name)
        grouped.setdefault(key, []).append(raw_value.decode("latin-1"))
    return grouped


def _log_request(logger: TaskLogger, options: HttpOptions, request: httpx.Request, outgoing: Outgoing) -> None:
    if "REQUEST_HEADERS" in options.logs:
        lines = "\n".join(f"{name.decode('latin-1')}: {_shown(name, value)}" for name, value in request.headers.raw)
        logger.info(f"Request '{request.method} {request.url}' headers:\n{lines}")
    if "REQUEST_BODY" in options.logs and outgoing.described_body is not None:
        logger.info(f"Request '{request.method} {request.url}' body:\n{outgoing.described_body}")


def _shown(name: bytes, value: bytes) -> str:
    """A header's value as logged: credentials are not written into the logs."""
    return "***" if name.lower() in CREDENTIAL_HEADERS else value.decode("latin-1")


def _log_response_headers(logger: TaskLogger, options: HttpOptions, response: httpx.Response) -> None:
    if "RESPONSE_HEADERS" in options.logs:
        lines = "\n".join(f"{name}: {', '.join(values)}" for name, values in headers_output(response).items())
        logger.info(f"Response {response.status_code} headers:\n{lines}")
