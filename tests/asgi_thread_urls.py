"""A URLconf for tests/test_asgi_threads.py: views that say which thread and which
database connection served them."""
import threading

from django.db import connection
from django.http import JsonResponse
from django.urls import path

release = threading.Event()


def where(request):
    if request.GET.get("hold"):
        release.wait(10)
    connection.ensure_connection()
    return JsonResponse({"thread": threading.get_ident(), "connection": id(connection.connection)})


urlpatterns = [path("where", where)]
