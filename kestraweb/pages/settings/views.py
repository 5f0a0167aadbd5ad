"""The Settings page (`/ui/settings`): saving preferences, creating and revoking tokens.
A new token is answered in the POST's own response and never stored in clear: it is
shown once and is gone on the next request."""
from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kestraweb.models import ApiToken, Preferences
from kestraweb.tokens import create_token

from ..access import page
from .forms import ApiTokenForm, PreferencesForm


def _render(request, preferences_form=None, token_form=None, created=None, status=200):
    return render(request, "settings/index.html", {
        "preferences_form": preferences_form or PreferencesForm(instance=Preferences.of(request.user)),
        "token_form": token_form or ApiTokenForm(),
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created"),
        "created": created,
    }, status=status)


@page
def settings_page(request):
    if request.method != "POST":
        return _render(request)
    form = PreferencesForm(request.POST, instance=Preferences.of(request.user))
    if not form.is_valid():
        return _render(request, preferences_form=form, status=400)
    preferences = form.save(commit=False)
    # a row another request made meanwhile is updated, not inserted twice
    preferences.pk = Preferences.stored(request.user).pk
    preferences.save()
    messages.success(request, "Preferences saved.")
    return redirect("settings")


@page
@require_POST
@never_cache
def create_api_token(request):
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        return _render(request, token_form=form, status=400)
    token, full = create_token(request.user, form.cleaned_data["name"], form.cleaned_data["expires_at"])
    return _render(request, created={"token": token, "full": full})


@page
@require_POST
def revoke_api_token(request, token_id: int):
    """Only the user's own token: another's answers 404, as if it did not exist."""
    deleted, _ = ApiToken.objects.filter(user=request.user, pk=token_id).delete()
    if not deleted:
        raise Http404("no such API token")
    messages.success(request, "API token revoked.")
    return redirect("settings")
