"""A kill of a running Snowflake Query sends the connector's abort request for that very
statement (Kestra's kill() calls Statement#cancel), and the task ends KILLED, not
SUCCESS, once the statement returns. A kill of an Upload whose PUT is under way ends it
KILLED before the file is sent to the stage.

fakesnow answers a statement at once and its abort request stops nothing, so the
statement is made to run long by the test: fakesnow is served behind a small ASGI layer
that holds the answer to a statement carrying a marker for a few seconds, and records
the abort requests that arrive meanwhile, each with the request id it names."""
from __future__ import annotations

import asyncio
import gzip
import json
import threading
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs

import pytest

from plugins.jdbc.tests.fakesnow_server import fakesnow_app, serving
from tests.flow_runs import taskrun_state

from .runs import kill_while_running

pytestmark = pytest.mark.django_db(transaction=True)

HELD_SECONDS = 3.0  # under the connection's networkTimeout (5 s)


class HoldingSnowflake:
    """fakesnow, with the answer to a statement whose text holds `marker` held back."""

    def __init__(self, app: Any, marker: str) -> None:
        self.app, self.marker = app, marker
        self.held = threading.Event()  # set once a marked statement is being held
        self.held_request_ids: list[str] = []  # the requestId of each marked statement
        self.aborted: list[tuple[str, bool]] = []  # (requestId named, while a statement was held)
        self.uploaded: list[str] = []  # the paths of the files a PUT sent to fakesnow's bucket

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/fs_bucket/"):
            self.uploaded.append(path)
        if scope["type"] != "http" or path not in ("/queries/v1/query-request", "/queries/v1/abort-request"):
            await self.app(scope, receive, send)
            return
        body = await _whole_body(receive)
        sent = json.loads(gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body or b"{}")
        if path.endswith("abort-request"):
            self.aborted.append((str(sent.get("requestId")), self.held.is_set()))
        elif self.marker in str(sent.get("sqlText", "")):
            self.held_request_ids += parse_qs(scope.get("query_string", b"").decode()).get("requestId", [])
            self.held.set()
            await asyncio.sleep(HELD_SECONDS)
            self.held.clear()
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return dict(await receive())

        await self.app(scope, replay, send)


async def _whole_body(receive: Any) -> bytes:
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = message.get("more_body", False)
    return b"".join(chunks)


@pytest.fixture
def holding() -> Iterator[tuple[str, HoldingSnowflake]]:
    layer = HoldingSnowflake(fakesnow_app(), f"kw_hold_{uuid.uuid4().hex[:8]}")
    with serving(layer) as url:
        yield url, layer


def test_a_kill_sends_the_abort_request_of_the_running_statement(holding):
    url, layer = holding
    execution = kill_while_running(f"""
id: snow_kill
namespace: tests.jdbc
tasks:
  - id: slow
    type: io.kestra.plugin.jdbc.snowflake.Query
    url: "{url}"
    username: fake
    password: snow
    sql: SELECT 1 AS {layer.marker}
    fetchType: FETCH_ONE
""", layer.held.is_set)
    assert execution.state == "KILLED"
    assert taskrun_state(execution.id, "slow") == "KILLED"
    assert len(layer.held_request_ids) == 1
    assert layer.aborted == [(layer.held_request_ids[0], True)]  # that statement's id, while it ran


def test_a_kill_during_an_upload_ends_it_before_the_file_is_sent(holding):
    url, layer = holding
    table = f"T_{uuid.uuid4().hex[:8].upper()}"
    execution = kill_while_running(f"""
id: snow_kill_upload
namespace: tests.jdbc
tasks:
  - id: create
    type: io.kestra.plugin.jdbc.snowflake.Query
    sql: CREATE OR REPLACE TABLE KW.PUBLIC.{table} (id INT)
  - id: write
    type: io.kestra.plugin.core.storage.Write
    content: "1\\n2\\n"
    extension: .csv
  - id: upload
    type: io.kestra.plugin.jdbc.snowflake.Upload
    from: "{{{{ outputs.write.uri }}}}"
    stageName: "@KW.PUBLIC.%{table}"
    prefix: raw
    fileName: {layer.marker}.csv
pluginDefaults:
  - type: io.kestra.plugin.jdbc.snowflake
    values:
      url: "{url}"
      username: fake
      password: snow
      database: KW
      schema: PUBLIC
""", layer.held.is_set)
    assert execution.state == "KILLED"
    assert taskrun_state(execution.id, "upload") == "KILLED"
    assert len(layer.held_request_ids) == 1  # the PUT was under way when the kill came
    assert layer.uploaded == []  # and its file never reached the stage
