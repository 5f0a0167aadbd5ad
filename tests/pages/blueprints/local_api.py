"""A local stand-in for the public APIs the HTTP blueprints call (their URL is an
input, so a test points it here): GET answers a JSON product, POST echoes its JSON body
with 201, and /orders.csv is a small CSV file to download."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRODUCT = {"id": 1, "title": "Local product", "price": 9.5}
CSV = b"order_id,total\n1,12.5\n2,7.0\n"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # quiet in test output
        pass

    def _answer(self, code: int, body: bytes, content_type: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.endswith(".csv"):
            self._answer(200, CSV, "text/csv")
        else:
            self._answer(200, json.dumps(PRODUCT).encode(), "application/json")

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer(201, json.dumps({"id": 101, **json.loads(body or b"{}")}).encode(), "application/json")


@contextmanager
def local_api() -> Iterator[str]:
    """The base URL of a server running for the block's duration."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
