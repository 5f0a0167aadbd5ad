"""The shell's context processor: the menu and the user's preferences on every page."""
from __future__ import annotations

from kestraweb.models import Preferences

from .menu import menu_for


def shell(request) -> dict:
    if not request.path.startswith("/ui"):
        return {}  # the admin and the API's browsable pages have their own shell
    return {"menu": menu_for(request) if request.user.is_authenticated else [],
            "preferences": Preferences.of(request.user)}
