"""Login, logout and the theme switch in the header."""
from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from kestraweb.models import Preferences

from ..access import page


class LoginView(auth_views.LoginView):
    template_name = "shell/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """POST only (Django's rule): a link or an image cannot log a user out."""


@page
@require_POST
def set_theme(request):
    """Store the theme chosen in the header; the page has already switched, so htmx
    needs no content back."""
    theme = request.POST.get("theme", "")
    if theme not in Preferences.Theme.values:
        return HttpResponse(f"unknown theme {theme!r}: one of {', '.join(Preferences.Theme.values)}", status=400)
    preferences = Preferences.stored(request.user)
    preferences.theme = theme
    preferences.save(update_fields=["theme"])
    if request.headers.get("HX-Request"):
        return HttpResponse(status=204)
    return redirect(request.POST.get("next") or "/ui/")
