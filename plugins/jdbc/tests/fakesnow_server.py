"""A fake Snowflake for the tests: fakesnow's server mode (DuckDB in-process) on a
free local port, which snowflake-connector-python reaches over plain http."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest


def fakesnow_app() -> Any:
    """fakesnow's ASGI app, or the test skipped when fakesnow is not installed."""
    import importlib

    pytest.importorskip("fakesnow", reason="fakesnow (the `test` extra) is not installed")
    return importlib.import_module("fakesnow.server").app


@pytest.fixture(scope="session")
def fakesnow_url() -> Iterator[str]:
    """A JDBC url to the fake server: its host and port, plain http, few retries."""
    with serving(fakesnow_app()) as url:
        yield url


@contextmanager
def serving(app: Callable[..., Any]) -> Iterator[str]:
    """An ASGI app (fakesnow's, or one around it) on a free local port, as a JDBC url.

    Started here as fakesnow.server() starts it (uvicorn in a thread): that function is
    shadowed by the `fakesnow.server` module once the module is imported, so a second
    test module could not call it."""
    import socket
    import threading

    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="fakesnow server", daemon=True)
    thread.start()
    while thread.is_alive() and not server.started:
        threading.Event().wait(0.05)
    if not server.started:
        pytest.fail("the fakesnow server did not start")
    try:
        yield f"jdbc:snowflake://127.0.0.1:{port}/?account=fakesnow&ssl=off&networkTimeout=5000"
    finally:
        server.should_exit = True
        thread.join()


@pytest.fixture
def served_folder(tmp_path) -> Iterator[tuple[str, object]]:
    """A real local HTTP server over a folder of the test's own: (base url, folder)."""
    import functools
    import http.server
    import threading

    folder = tmp_path / "served"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
