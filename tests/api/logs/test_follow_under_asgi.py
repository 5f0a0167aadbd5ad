"""Under ASGI (uvicorn, `manage.py serve`) the follow stream is asynchronous: the
same events, read without holding a thread (Kestra's LogController.followLogsFromExecution)."""
import json

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncClient

from ..conftest import basic

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_streams_an_ended_executions_lines_under_asgi(admin_user, logged):
    async def follow():
        headers = {"Authorization": basic(admin_user.username), "Accept": "text/event-stream"}
        response = await AsyncClient().get(f"/api/v1/main/logs/{logged}/follow?minLevel=WARN", headers=headers)
        assert response["Content-Type"] == "text/event-stream"
        assert response.is_async  # an asynchronous iterator: no thread held while waiting
        return b"".join([chunk async for chunk in response.streaming_content]).decode()

    text = async_to_sync(follow)()
    data = [json.loads(line[len("data: "):]) for line in text.splitlines() if line.startswith("data: ")]
    assert [entry["message"] for entry in data] == ["careful", "it broke"]
    assert text.startswith(": start")
