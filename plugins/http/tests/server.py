"""A real HTTP server for the HTTP family's tests: http.server on 127.0.0.1, a free port,
one thread a request. Each route is a behaviour a test needs (a status, a slow answer,
a large generated body, a digest challenge); every request is recorded so a test can
see what arrived. Beside it, a real forwarding proxy (start_proxy) for the proxy
options."""
from __future__ import annotations

import base64
import hashlib
import http.client
import json
import secrets
import select
import ssl
import threading
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# The large body is this block repeated, so its checksum is known without holding it.
BLOCK = bytes(range(256)) * 256  # 64 KiB
# The one account of the /digest route.
DIGEST_REALM, DIGEST_USER, DIGEST_PASSWORD = "kestraweb-test", "ann", "s3cret"


def large_body_digest(size: int) -> str:
    digest = hashlib.sha256()
    whole, rest = divmod(size, len(BLOCK))
    for _ in range(whole):
        digest.update(BLOCK)
    digest.update(BLOCK[:rest])
    return digest.hexdigest()


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class LocalServer:
    server: ThreadingHTTPServer
    scheme: str
    received: list[Received] = field(default_factory=list)
    # Set at teardown: a slow route stops waiting, so the server can stop.
    release: threading.Event = field(default_factory=threading.Event)
    # Set by a slow route once it is answering, so a test kills the task mid-download.
    streaming: threading.Event = field(default_factory=threading.Event)
    # Set when the client of the stalled answer closed its connection.
    client_gone: threading.Event = field(default_factory=threading.Event)
    # The nonces /digest handed out in its challenges; an answer must use one of them.
    digest_nonces: set[str] = field(default_factory=set)
    # The proxy's: the Proxy-Authorization it requires (None: none).
    proxy_credentials: str | None = None

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def last(self) -> Received:
        return self.received[-1]


class Handler(BaseHTTPRequestHandler):
    server_state: LocalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet in test output
        pass

    def _answer(self, code: int, body: bytes, content_type: str = "text/plain", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self) -> None:
        state = self.server_state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        state.received.append(Received(self.command, self.path, dict(self.headers.items()), body))
        route = url.path
        if route == "/json":
            self._answer(200, json.dumps({"hello": "world"}).encode(), "application/json", X_Trace="a")
        elif route == "/text":
            self._answer(200, "héllo".encode(), "text/plain; charset=utf-8")
        elif route.startswith("/status/"):
            code = int(route.rsplit("/", 1)[1])
            self._answer(code, f"status {code} body".encode())
        elif route == "/echo":
            echoed = {"method": self.command, "headers": dict(self.headers.items()),
                      "body": base64.b64encode(body).decode()}
            self._answer(200, json.dumps(echoed).encode(), "application/json")
        elif route == "/empty":
            self._answer(200, b"")
        elif route == "/slow":  # no answer before `seconds`
            state.release.wait(float(query.get("seconds", "30")))
            self._answer(200, b"late")
        elif route == "/stall":  # headers and a first chunk, then nothing more
            self.send_response(200)
            self.send_header("Content-Length", str(10 * len(BLOCK)))
            self.end_headers()
            self.wfile.write(BLOCK)
            self.wfile.flush()
            state.streaming.set()
            self._wait_for_the_client_to_leave()
        elif route == "/large":
            self._large(int(query["size"]))
        elif route == "/attachment":
            self._answer(200, b"a,b\n1,2\n", "text/csv", Content_Disposition='attachment; filename="../report.csv"')
        elif route == "/digest":
            self._digest()
        elif route == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/json")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._answer(404, b"no such route")

    def _digest(self) -> None:
        """RFC 7616 with SHA-256 and qop=auth: a request without a valid answer gets the
        challenge (401 and a fresh nonce); one whose `response` is the digest of the
        account, the nonce and the request is let in."""
        state = self.server_state
        header = self.headers.get("Authorization") or ""
        if header.startswith("Digest "):
            fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(header[len("Digest "):]))
            if fields.get("username") == DIGEST_USER and fields.get("nonce") in state.digest_nonces \
                    and fields.get("response") == digest_response(fields, self.command):
                self._answer(200, json.dumps({"user": DIGEST_USER}).encode(), "application/json")
                return
        nonce = secrets.token_hex(16)
        state.digest_nonces.add(nonce)
        challenge = (f'Digest realm="{DIGEST_REALM}", qop="auth", algorithm=SHA-256, nonce="{nonce}", '
                     f'opaque="{secrets.token_hex(8)}"')
        self._answer(401, b"digest needed", WWW_Authenticate=challenge)

    def _wait_for_the_client_to_leave(self) -> None:
        """Send nothing more; note when the client closes its end (a read gives b"")."""
        while not self.server_state.release.is_set():
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if readable and not self.connection.recv(1):
                self.server_state.client_gone.set()
                return

    def _large(self, size: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        whole, rest = divmod(size, len(BLOCK))
        try:
            for _ in range(whole):
                self.wfile.write(BLOCK)
            self.wfile.write(BLOCK[:rest])
        except (BrokenPipeError, ConnectionResetError):  # the client went away (a killed download)
            pass

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle


def digest_response(fields: dict[str, str], method: str) -> str:
    """The `response` a client that knows the password computes (RFC 7616 3.4.1)."""
    def sha256(text: str) -> str:
        return hashlib.sha256(text.encode()).hexdigest()

    known = sha256(f"{DIGEST_USER}:{DIGEST_REALM}:{DIGEST_PASSWORD}")
    request = sha256(f"{method}:{fields.get('uri', '')}")
    return sha256(f"{known}:{fields.get('nonce')}:{fields.get('nc')}:{fields.get('cnonce')}:{fields.get('qop')}:"
                  f"{request}")


class ProxyHandler(BaseHTTPRequestHandler):
    """A forwarding HTTP proxy: a request in absolute form (GET http://host:port/path)
    is sent on to its server with a Via header, and the answer comes back as it is. It
    checks Proxy-Authorization when the state asks for credentials (407 otherwise)."""

    server_state: LocalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _forward(self) -> None:
        state = self.server_state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        state.received.append(Received(self.command, self.path, dict(self.headers.items()), body))
        if state.proxy_credentials is not None and self.headers.get("Proxy-Authorization") != state.proxy_credentials:
            self._send(407, {"Proxy-Authenticate": 'Basic realm="proxy"'}, b"proxy credentials needed")
            return
        target = urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self._send(400, {}, b"not a request in absolute form")
            return
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() not in ("proxy-authorization", "proxy-connection", "connection")}
        headers["Via"] = "1.1 kestraweb-test-proxy"
        upstream = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=10)
        try:
            upstream.request(self.command, target.path + (f"?{target.query}" if target.query else ""),
                             body=body or None, headers=headers)
            answer = upstream.getresponse()
            content = answer.read()
            self._send(answer.status, {name: value for name, value in answer.getheaders()
                                       if name.lower() not in ("content-length", "connection",
                                                               "transfer-encoding")}, content)
        finally:
            upstream.close()

    def _send(self, code: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(code)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _forward


def start_proxy(credentials: tuple[str, str] | None = None) -> LocalServer:
    """A forwarding proxy on 127.0.0.1 and a free port; with (user, password), requests
    without those Basic proxy credentials are refused (407)."""
    handler = type("BoundProxyHandler", (ProxyHandler,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state = LocalServer(httpd, "http")
    if credentials is not None:
        state.proxy_credentials = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()
    handler.server_state = state
    threading.Thread(target=httpd.serve_forever, name="http-test-proxy", daemon=True).start()
    return state


def start(tls_files: tuple[Path, Path] | None = None) -> LocalServer:
    """A server on 127.0.0.1 and a free port; HTTPS with (certificate, key) files."""
    handler = type("BoundHandler", (Handler,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state = LocalServer(httpd, "https" if tls_files else "http")
    handler.server_state = state
    if tls_files:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(tls_files[0]), str(tls_files[1]))
        httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, name="http-test-server", daemon=True).start()
    return state


def stop(state: LocalServer) -> None:
    state.release.set()
    state.server.shutdown()
    state.server.server_close()
