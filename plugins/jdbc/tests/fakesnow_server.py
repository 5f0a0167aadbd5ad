"""A fake Snowflake for the tests: fakesnow's server mode (DuckDB in-process) on a
free local port, which snowflake-connector-python reaches over plain http."""
from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def fakesnow_url() -> Iterator[str]:
    """A JDBC url to the fake server: its host and port, plain http, no retries."""
    fakesnow = pytest.importorskip("fakesnow", reason="fakesnow (the `test` extra) is not installed")
    with fakesnow.server() as arguments:
        yield (f"jdbc:snowflake://{arguments['host']}:{arguments['port']}/?account=fakesnow&ssl=off"
               f"&networkTimeout=5000")


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
