"""The Logs tab: the execution's lines at or above a level (by default the user's
`log_level` preference) and of one task, the newest EXECUTION_PAGE_MAX_LOGS of them;
while the execution runs, htmx asks every second for the lines after the last one
shown and appends them (a tail); and the same lines as a text download."""
from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from executions.log_queries import LEVELS, execution_is_terminal, execution_logs, log_text
from kestraweb.models import Preferences

from ..access import page
from .lookup import base_url, execution_at
from .tabs import render_tab, task_ids

TAIL_BATCH = 500  # lines one poll appends at most; the next poll reads on


def _filters(request) -> dict:
    level = request.GET.get("level")
    if level not in LEVELS:
        level = Preferences.of(request.user).log_level
    return {"level": level, "task": request.GET.get("task") or ""}


def _rows(execution, filters: dict):
    return execution_logs(execution.id, filters["level"], task_id=filters["task"] or None)


@page
def logs_tab(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    filters = _filters(request)
    rows = _rows(execution, filters)
    limit = settings.EXECUTION_PAGE_MAX_LOGS
    lines = list(rows.order_by("-timestamp", "-id")[:limit + 1])[::-1]
    cut = len(lines) > limit
    lines = lines[1:] if cut else lines
    return render_tab(request, execution, "logs", "executions/logs.html", {
        "lines": lines, "cut": cut, "limit": limit, "filters": filters, "levels": LEVELS,
        "tasks": task_ids(execution), "after": max([line.id for line in lines], default=0),
    })


@page
def logs_tail(request, namespace: str, flow_id: str, execution_id: str):
    """The lines after `after` (an id), and the next tail: polling again unless the
    execution had ended before this read and nothing is left to send."""
    execution = execution_at(request, namespace, flow_id, execution_id)
    filters = _filters(request)
    try:
        after = int(request.GET.get("after") or 0)
    except ValueError:
        after = 0
    terminal = execution_is_terminal(execution.id)
    lines = list(_rows(execution, filters).filter(id__gt=after).order_by("id")[:TAIL_BATCH])
    return render(request, "executions/_log_tail.html", {
        "lines": lines, "filters": filters, "live": not (terminal and len(lines) < TAIL_BATCH),
        "after": max([line.id for line in lines], default=after), "execution": execution,
        "base": base_url(execution),
    })


@page
def logs_download(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    response = HttpResponse(log_text(_rows(execution, _filters(request))), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{execution.id}.log"'
    return response
