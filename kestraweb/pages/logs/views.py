"""The global logs page (`/ui/logs`)."""
from __future__ import annotations

from django.shortcuts import render

from api.problems import Problem
from executions.log_queries import LEVELS
from kestraweb.models import Preferences

from ..access import page
from ..windows import window_of
from .query import DEFAULT_RANGE, PARAMS, RANGES, log_lines


def chosen_filters(request) -> dict:
    """The form's values; before the form was ever sent, the user's preferred level and
    default namespace."""
    chosen = {name: request.GET.get(name, "").strip() for name in (*PARAMS, "range")}
    if not request.GET:
        preferences = Preferences.of(request.user)
        chosen.update(minLevel=preferences.log_level, namespace=preferences.default_namespace)
    chosen["range"] = chosen["range"] if chosen["range"] in RANGES else DEFAULT_RANGE
    return chosen


@page
def search(request):
    chosen = chosen_filters(request)
    context = {"chosen": chosen, "levels": LEVELS, "ranges": [(key, label) for key, (label, _) in RANGES.items()]}
    try:
        window = window_of(request, log_lines(request.user, chosen))
    except Problem as exc:
        return render(request, "logs/search.html", {**context, "error": _message(exc)}, status=400)
    return render(request, "logs/search.html", {**context, "window": window})


def _message(problem: Problem) -> str:
    """The problem with the parameter it names, as the API answers it."""
    details = [f"{error.pointer}: {error.detail}" if error.pointer else error.detail for error in problem.errors]
    return "; ".join(details) or str(problem.detail)
