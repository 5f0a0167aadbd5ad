"""The dashboard page (`/ui/`, `/ui/dashboard`)."""
from __future__ import annotations

from django.shortcuts import render

from kestraweb.models import Preferences

from ..access import page
from .period import CUSTOM, PRESETS, BadPeriod, period_from
from .summary import dashboard as summary


def chosen_namespace(request) -> str:
    """The `namespace` asked for; the user's default namespace when none is asked for at
    all (an emptied field asks for every namespace)."""
    if "namespace" in request.GET:
        return request.GET["namespace"].strip()
    return Preferences.of(request.user).default_namespace


@page
def dashboard(request):
    namespace = chosen_namespace(request)
    context = {"namespace": namespace, "presets": [(key, label) for key, (label, _) in PRESETS.items()],
               "custom": CUSTOM, "range": request.GET.get("range") or "", "start": request.GET.get("start") or "",
               "end": request.GET.get("end") or ""}
    try:
        period = period_from(request.GET)
    except BadPeriod as exc:
        return render(request, "home/dashboard.html", {**context, "error": str(exc)}, status=400)
    context.update(range=period.key, period=period, **summary(request.user, namespace, period.start, period.end))
    return render(request, "home/dashboard.html", context)
