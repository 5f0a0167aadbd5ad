"""The ASGI application `manage.py serve` (and so `make run`) runs under uvicorn: the
coming live pages stream server-sent events, which an ASGI server holds open without
a thread each. whitenoise serves the static files from STATIC_ROOT in front of it."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
application = get_asgi_application()
