"""The ASGI handler keeps request threads, and so database connections, from one
request to the next (kestraweb/asgi_threads.py), without ever making a request wait
for another."""
import asyncio

import httpx
import pytest
from asgiref.sync import async_to_sync
from django.test import override_settings

from kestraweb.asgi_threads import ExecutorPool, PooledThreadsASGIHandler
from tests import asgi_thread_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.asgi_thread_urls")]


def client(handler) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=handler), base_url="http://localhost")


@override_settings(ALLOWED_HOSTS=["localhost"])
def test_one_request_after_another_reuses_the_thread_and_its_database_connection():
    handler = PooledThreadsASGIHandler(ExecutorPool(keep=2))

    async def three():
        async with client(handler) as http:
            return [(await http.get("/where")).json() for _ in range(3)]

    served = async_to_sync(three)()
    assert len({s["thread"] for s in served}) == 1
    assert len({s["connection"] for s in served}) == 1
    assert len(handler.pool.idle) == 1


@override_settings(ALLOWED_HOSTS=["localhost"])
def test_a_request_never_waits_for_a_busy_one():
    handler = PooledThreadsASGIHandler(ExecutorPool(keep=1))
    asgi_thread_urls.release.clear()

    async def overlapping():
        async with client(handler) as http:
            held = asyncio.ensure_future(http.get("/where", params={"hold": "1"}))
            await asyncio.sleep(0.2)
            quick = (await http.get("/where")).json()  # served while the first still holds its thread
            done_first = held.done()
            asgi_thread_urls.release.set()
            return quick, (await held).json(), done_first

    quick, held, done_first = async_to_sync(overlapping)()
    assert not done_first
    assert quick["thread"] != held["thread"]
    assert len(handler.pool.idle) == 1  # one kept, the other shut down


def test_an_executor_beyond_the_idle_limit_is_shut_down():
    pool = ExecutorPool(keep=1)
    first, second = pool.borrow(), pool.borrow()
    pool.give_back(first)
    pool.give_back(second)
    assert pool.idle == [first]
    with pytest.raises(RuntimeError):
        second.submit(print)
