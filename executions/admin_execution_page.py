"""What an execution's admin page shows beside its fields: its taskruns in tree order
with their states, durations and attempts; its logs, newest last; its inputs (a SECRET
input stays masked: the page never decrypts one) and outputs. As Kestra's execution
page shows them in its Gantt, Logs, Overview and Outputs tabs."""
from __future__ import annotations

import json

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from executions.encryption import is_encrypted
from executions.models import LogEntry
from executions.taskrun_tree import tree_order

MASK = "******"  # how Kestra's UI shows an encrypted SECRET input
INDENT_EM = 1.5
OUTPUTS_SHOWN = 300  # characters of a taskrun's outputs in its row; the JSON of the API has them all


def duration_text(start, end) -> str:
    if start is None:
        return ""
    seconds = ((end or timezone.now()) - start).total_seconds()
    if seconds < 60:
        return f"{seconds:.3f}s"
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m {seconds}s" if hours else f"{minutes}m {seconds}s"


def _compact(value, limit: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str) if value else ""
    return text if limit is None or len(text) <= limit else text[:limit] + "…"


def _table(headers: list[str], rows, css_class: str) -> SafeString:
    head = format_html_join("", "<th>{}</th>", ((h,) for h in headers))
    return format_html('<table class="{}"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>', css_class, head,
                       rows)


def taskruns_table(execution) -> SafeString:
    limit = settings.EXECUTION_PAGE_MAX_TASKRUNS
    ordered = tree_order(execution.taskruns.defer("memo", "state_history", "iteration_keys"))
    if not ordered:
        return format_html("<p>{}</p>", "No taskrun yet.")
    total = len(ordered)
    ordered = ordered[:limit]
    rows = format_html_join("", (
        '<tr class="taskrun state-{}"><td style="padding-left: {}em">{}{}</td><td>{}</td><td>{}</td><td>{}</td>'
        '<td>{}</td><td><code>{}</code></td></tr>'), (
        (tr.state.lower(), depth * INDENT_EM, tr.task_id, f" [{tr.value}]" if tr.value is not None else "",
         tr.state, tr.start_date.isoformat(timespec="milliseconds") if tr.start_date else "",
         duration_text(tr.start_date, tr.end_date), len(tr.attempts or []), _compact(tr.outputs, OUTPUTS_SHOWN))
        for depth, tr in ordered))
    table = _table(["task", "state", "started", "duration", "attempts", "outputs"], rows, "taskruns")
    if total <= limit:
        return table
    every = reverse("admin:executions_taskrun_changelist") + f"?execution__id__exact={execution.id}"
    note = format_html('<p>The first {} of {} taskruns (EXECUTION_PAGE_MAX_TASKRUNS); <a href="{}">all of them</a>.'
                       '</p>', limit, total, every)
    return format_html("{}{}", note, table)


def logs_table(execution) -> SafeString:
    limit = settings.EXECUTION_PAGE_MAX_LOGS
    logs = LogEntry.objects.filter(execution_id=execution.id)
    total = logs.count()
    newest = list(logs.order_by("-timestamp", "-id")[:limit])[::-1]
    if not newest:
        return format_html("<p>{}</p>", "No log yet.")
    rows = format_html_join("", '<tr class="log level-{}"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>', (
        (entry.level.lower(), entry.timestamp.isoformat(timespec="milliseconds"), entry.level, entry.task_id or "",
         format_html('<pre style="margin:0; white-space:pre-wrap">{}</pre>', entry.message)) for entry in newest))
    table = _table(["time", "level", "task", "message"], rows, "logs")
    if total <= limit:
        return table
    every = reverse("admin:executions_logentry_changelist") + f"?execution_id__exact={execution.id}"
    note = format_html('<p>The newest {} of {} lines (EXECUTION_PAGE_MAX_LOGS); <a href="{}">all of them</a>.</p>',
                       limit, total, every)
    return format_html("{}{}", note, table)


def masked_inputs(inputs: dict) -> dict:
    return {key: MASK if is_encrypted(value) else value for key, value in (inputs or {}).items()}


def json_block(value) -> SafeString:
    if not value:
        return format_html("<p>{}</p>", "None.")
    return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False, default=str))
