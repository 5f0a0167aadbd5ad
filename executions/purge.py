"""Purging history in bulk, as Kestra's PurgeExecutions, PurgeLogs and PurgeKV tasks do
(ExecutionService#purge, ExecutionLogService#purge, KVStore#purge).

Only ended executions are purged: a running one belongs to the executor advancing it,
and the purging execution itself is running. Deletion goes by batches of executions so
a large purge never holds one huge transaction."""
from __future__ import annotations

import fnmatch

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from executions.models import Execution, KVEntry, LogEntry, MetricEntry, TaskRun
from executions.states import TERMINAL
from plugins.api.context import PurgeFilter
from storage import internal_storage, layout

BATCH = 100  # Kestra's default batch size of a purge


def _in_namespace(namespace: str | None, flow_id: str | None, field: str = "namespace") -> Q:
    """Kestra's namespace filter: the flow's namespace exactly when a flow is named, else
    the namespace and its children; no namespace: all of them."""
    if not namespace:
        return Q()
    if flow_id:
        return Q(**{field: namespace, "flow_id": flow_id})
    return Q(**{field: namespace}) | Q(**{f"{field}__startswith": namespace + "."})


def _executions(which: PurgeFilter, keep: str | None) -> QuerySet[Execution]:
    rows = Execution.objects.filter(_in_namespace(which.namespace, which.flow_id),
                                    state__in=[s.value for s in TERMINAL], start_date__lte=which.end_date)
    if which.start_date is not None:
        rows = rows.filter(start_date__gte=which.start_date)
    if which.states:
        rows = rows.filter(state__in=list(which.states))
    return rows.exclude(id=keep) if keep else rows


def purge_executions(which: PurgeFilter, executions: bool = True, logs: bool = True, metrics: bool = True,
                     storage: bool = True, keep: str | None = None, batch_size: int = BATCH) -> dict[str, int]:
    """Delete what the flags name of the matching ended executions; `keep` is never
    touched (the execution running the purge). Counts as Kestra's PurgeResult names them."""
    counts = dict.fromkeys(("executionsCount", "taskOutputsCount", "logsCount", "storagesCount", "metricsCount"), 0)
    files = internal_storage()
    ids = list(_executions(which, keep).values_list("id", "namespace", "flow_id"))
    for start in range(0, len(ids), batch_size):
        batch = ids[start:start + batch_size]
        keys = [execution_id for execution_id, _, _ in batch]
        with transaction.atomic():
            if logs:
                counts["logsCount"] += LogEntry.objects.filter(execution_id__in=keys).delete()[0]
            if metrics:
                counts["metricsCount"] += MetricEntry.objects.filter(execution_id__in=keys).delete()[0]
            if executions:
                counts["taskOutputsCount"] += TaskRun.objects.filter(execution_id__in=keys).exclude(
                    outputs={}).exclude(outputs__isnull=True).count()
                counts["executionsCount"] += len(keys)
                Execution.objects.filter(id__in=keys).delete()
        if storage:
            for execution_id, namespace, flow_id in batch:
                folder = layout.uri(layout.execution_folder(namespace, flow_id, execution_id))
                counts["storagesCount"] += len(files.list_files(folder))
                files.delete_folder(folder)
    return counts


def purge_logs(which: PurgeFilter, execution_logs: bool = True, other_logs: bool = True) -> dict[str, int]:
    """Delete log lines up to `end_date` (from `start_date`), of the levels given (all
    when none); trigger lines are the "non-execution" logs."""
    rows = LogEntry.objects.filter(_in_namespace(which.namespace, which.flow_id), timestamp__lte=which.end_date)
    if which.start_date is not None:
        rows = rows.filter(timestamp__gte=which.start_date)
    if which.execution_id:
        rows = rows.filter(execution_id=which.execution_id)
    if which.levels:
        rows = rows.filter(level__in=list(which.levels))
    counts = {"executionLogsCount": 0, "nonExecutionLogsCount": 0}
    if execution_logs:
        counts["executionLogsCount"] = rows.filter(trigger_id__isnull=True).delete()[0]
    if other_logs:
        counts["nonExecutionLogsCount"] = rows.filter(trigger_id__isnull=False).delete()[0]
    return counts


def purge_kv(namespaces: list[str] | None, namespace_glob: str | None, key_glob: str | None,
             children: bool = True, expired_only: bool = True) -> int:
    """Delete KV keys, as Kestra's PurgeKV: of the namespaces listed (and their children
    with `children`), or of those matching `namespace_glob`, or of all; only keys
    matching `key_glob` when given; only expired ones with `expired_only`."""
    rows = KVEntry.objects.all()
    if namespaces:
        query = Q()
        for namespace in namespaces:
            query |= Q(namespace=namespace) | (Q(namespace__startswith=namespace + ".") if children else Q(pk=None))
        rows = rows.filter(query)
    if expired_only:
        rows = rows.filter(expiration__lte=timezone.now())
    doomed = [pk for pk, namespace, key in rows.values_list("pk", "namespace", "key")
              if (not namespace_glob or fnmatch.fnmatchcase(namespace, namespace_glob))
              and (not key_glob or fnmatch.fnmatchcase(key, key_glob))]
    deleted = 0
    for start in range(0, len(doomed), BATCH):
        deleted += KVEntry.objects.filter(pk__in=doomed[start:start + BATCH]).delete()[0]
    return deleted
