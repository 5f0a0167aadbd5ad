"""GET /executions/{id}/follow under ASGI (Kestra's ExecutionController#follow): the
execution as server-sent events, one now, one at each change, the last (`id: end`)
once it ended, then the stream closes; an ended execution gets one event."""
import json

import pytest
from asgiref.sync import sync_to_async

from executions.models import Execution

from ..conftest import basic
from ..factories import execution

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.anyio]


@pytest.fixture
def anyio_backend():
    return "asyncio"


def _events(chunks: list[bytes]) -> list[tuple[str, dict]]:
    found = []
    for block in b"".join(chunks).decode().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" in fields:
            found.append((fields["id"], json.loads(fields["data"])))
    return found


def _finish(execution_id: str):
    running = Execution.objects.get(pk=execution_id)
    running.set_state("SUCCESS")
    running.version += 1
    running.save()


async def test_it_streams_changes_until_the_end(async_client, admin_user):
    await sync_to_async(execution)("e1", state="RUNNING", state_history=[{"state": "RUNNING",
                                                                          "date": "2026-01-01T00:00:00Z"}])

    response = await async_client.get("/api/v1/main/executions/e1/follow", headers={
        "Authorization": basic("root"), "Accept": "text/event-stream"})
    assert response.status_code == 200 and response["Content-Type"] == "text/event-stream"
    chunks = []
    async for chunk in response.streaming_content:
        chunks.append(chunk)
        if len(chunks) == 1:  # the first event is out: the change comes while the stream polls
            await sync_to_async(_finish)("e1")
    events = _events(chunks)
    assert [(name, data["state"]["current"]) for name, data in events] == [("progress", "RUNNING"), ("end", "SUCCESS")]


async def test_an_ended_execution_gets_one_event(async_client, admin_user):
    await sync_to_async(execution)("e2", state="FAILED", state_history=[{"state": "FAILED",
                                                                         "date": "2026-01-01T00:00:00Z"}])
    response = await async_client.get("/api/v1/main/executions/e2/follow", headers={"Authorization": basic("root")})
    events = _events([chunk async for chunk in response.streaming_content])
    assert [(name, data["id"]) for name, data in events] == [("end", "e2")]


def test_under_wsgi_it_is_a_plain_stream(client):
    """Django reads an asynchronous stream to its end before a WSGI server sends a byte:
    under WSGI the stream is a plain generator, sent as it goes."""
    execution("e3", state="SUCCESS", state_history=[{"state": "SUCCESS", "date": "2026-01-01T00:00:00Z"}])
    response = client.get("/api/v1/main/executions/e3/follow")
    assert response.status_code == 200 and not response.is_async
    assert [(name, data["id"]) for name, data in _events(list(response.streaming_content))] == [("end", "e3")]
