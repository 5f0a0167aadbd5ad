"""A real HTTP server for the HTTP family's tests: http.server on 127.0.0.1, a free port,
one thread a request. Each route is a behaviour a test needs (a status, a slow answer,
a large generated body); every request is recorded so a test can see what arrived."""
from __future__ import annotations

import base64
import hashlib
import json
import select
import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# The large body is this block repeated, so its checksum is known without holding it.
BLOCK = bytes(range(256)) * 256  # 64 KiB


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
        elif route == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/json")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self._answer(404, b"no such route")

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
