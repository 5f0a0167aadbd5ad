"""Under ASGI the middleware chain runs synchronously in one thread (kestraweb/sync_chain.py):
Django adapts only once, below the innermost middleware, so it must stay innermost."""
import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware


def test_the_sync_chain_is_the_innermost_middleware():
    assert settings.MIDDLEWARE[-1] == "kestraweb.sync_chain.SyncChainMiddleware"


@pytest.mark.django_db
def test_an_asgi_request_goes_through_djangos_middleware_synchronously(async_client, monkeypatch):
    """Django's middleware called the async way (__acall__) hands each of its hooks to a
    thread and back; that is what the sync chain avoids."""
    called_async = []
    original = SessionMiddleware.__acall__

    async def recording(self, request):
        called_async.append(request.path)
        return await original(self, request)

    monkeypatch.setattr(SessionMiddleware, "__acall__", recording)
    response = async_to_sync(async_client.get)("/ui/login")
    assert response.status_code == 200
    assert called_async == []
