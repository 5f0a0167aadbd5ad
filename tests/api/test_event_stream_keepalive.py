"""A follow stream with no news sends a keep-alive comment every
KESTRAWEB_API_FOLLOW_KEEPALIVE seconds (so that a proxy does not close it as idle),
under WSGI and ASGI alike, and none when the setting is 0."""
import time

import pytest
from asgiref.sync import async_to_sync
from django.test import AsyncRequestFactory, RequestFactory

from kestraweb.event_stream import KEEP_ALIVE, Polled, polled_stream, sse_event

DONE = sse_event("end", {"id": "e1"})


@pytest.fixture
def quick(settings):
    settings.API_FOLLOW_POLL = 0.02
    settings.API_FOLLOW_TIMEOUT = 10
    return settings


def _quiet_for(seconds: float):
    """A read that finds nothing for `seconds`, then one last event."""
    until = time.monotonic() + seconds

    def read() -> Polled:
        return Polled([DONE], True) if time.monotonic() >= until else Polled([], False)

    return read


def _wsgi_text(read) -> str:
    response = polled_stream(RequestFactory().get("/"), read)
    return b"".join(response.streaming_content).decode()


def _asgi_text(read) -> str:
    async def follow():
        response = polled_stream(AsyncRequestFactory().get("/"), read)
        assert response.is_async
        return b"".join([chunk async for chunk in response.streaming_content]).decode()

    return async_to_sync(follow)()


@pytest.mark.parametrize("text_of", [_wsgi_text, _asgi_text])
def test_it_keeps_a_quiet_stream_alive(quick, text_of):
    quick.API_FOLLOW_KEEPALIVE = 0.1
    text = text_of(_quiet_for(0.45))
    assert text.count(KEEP_ALIVE) >= 2
    assert text.index(KEEP_ALIVE) < text.index(DONE)


@pytest.mark.parametrize("text_of", [_wsgi_text, _asgi_text])
def test_it_sends_none_when_keepalive_is_0(quick, text_of):
    quick.API_FOLLOW_KEEPALIVE = 0
    text = text_of(_quiet_for(0.3))
    assert KEEP_ALIVE not in text and DONE in text


def test_a_stream_with_news_sends_no_keepalive(quick):
    quick.API_FOLLOW_KEEPALIVE = 0.1
    until = time.monotonic() + 0.4

    def busy() -> Polled:
        time.sleep(0.02)
        return Polled([DONE], time.monotonic() >= until)

    assert KEEP_ALIVE not in _wsgi_text(busy)
