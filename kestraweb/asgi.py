"""The ASGI application `manage.py serve` (and so `make run`) runs under uvicorn: the
live pages stream server-sent events, which an ASGI server holds open without a thread
each. whitenoise serves the static files from STATIC_ROOT in front of it. Django's
handler, with request threads (and so database connections) kept from one request to
the next: kestraweb.asgi_threads."""
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
django.setup(set_prefix=False)  # as django.core.asgi.get_asgi_application does

from kestraweb.asgi_threads import PooledThreadsASGIHandler  # noqa: E402  (needs the apps loaded)

application = PooledThreadsASGIHandler()
