"""A small world for namespace isolation tests: the same objects (flow with a trigger,
executions with taskruns, outputs, logs, metrics and files, KV, a namespace file, a
template, trigger states) in a namespace the reader may see and in namespaces it may
not. Everything of a hidden namespace is named with `secret`, so a response that
shows it, in any field, is caught by looking for that word."""
from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from executions.kv_store import NamespaceKV
from executions.models import Execution, LogEntry, MetricEntry, TaskRun
from executions.scheduler.tick import Tick
from flows.models import Namespace
from flows.services import save_flow, save_template
from storage import internal_storage, layout
from storage.namespace_files import NamespaceFiles

VISIBLE = "company.team"
# Another namespace, and look-alikes that share the visible one's first characters.
HIDDEN = ("other", "company.teamx", "company-team")
TAG = {VISIBLE: "open", **{namespace: "secret" for namespace in HIDDEN}}
STATES = ("SUCCESS", "FAILED", "RUNNING", "PAUSED")

FLOW = """
id: {tag}flow
namespace: {namespace}
labels:
  team: {tag}label
tasks:
  - id: {tag}task
    type: io.kestra.plugin.core.log.Log
    message: hi
{extra}
triggers:
  - id: {tag}trigger
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
"""
# A hidden flow calls the visible one: the visible flow's dependencies must not name it.
CALL_VISIBLE = f"""  - id: secretcall
    type: io.kestra.plugin.core.flow.Subflow
    namespace: {VISIBLE}
    flowId: openflow
"""

TEMPLATE = """
id: {tag}template
namespace: {namespace}
tasks:
  - id: {tag}templatetask
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


def execution_id(namespace: str, state: str) -> str:
    return f"{TAG[namespace]}{HIDDEN.index(namespace) if namespace in HIDDEN else ''}{state.lower()}"


def file_uri(namespace: str, execution: str) -> str:
    return layout.uri(layout.execution_folder(namespace, f"{TAG[namespace]}flow", execution) + "/t/data.csv")


def build() -> None:
    for namespace, tag in TAG.items():
        extra = CALL_VISIBLE if tag == "secret" else ""
        save_flow(FLOW.format(namespace=namespace, tag=tag, extra=extra))
        save_template(TEMPLATE.format(namespace=namespace, tag=tag))
        NamespaceKV(namespace).set(f"{tag}key", f"{tag}value", description=f"{tag}description")
        NamespaceFiles(namespace).write(f"{tag}dir/{tag}file.txt", f"{tag}content".encode())
        for minutes, state in enumerate(STATES):
            _execution(namespace, tag, state, minutes)
    Tick().run()  # the trigger states


def _execution(namespace: str, tag: str, state: str, minutes: int) -> None:
    start = timezone.now() - timedelta(hours=2) + timedelta(minutes=minutes)
    ended = state in ("SUCCESS", "FAILED")
    run = Execution.objects.create(
        id=execution_id(namespace, state), namespace=namespace, flow_id=f"{tag}flow", flow_revision=1, state=state,
        start_date=start, end_date=start + timedelta(minutes=1) if ended else None,
        labels=[{"key": "team", "value": f"{tag}label"}], outputs={"result": f"{tag}output"})
    taskrun = TaskRun.objects.create(id=f"{run.id}tr", execution=run, seq=0, task_id=f"{tag}task",
                                     state=state, outputs={"value": f"{tag}taskoutput"})
    LogEntry.objects.create(execution_id=run.id, taskrun_id=taskrun.id, task_id=taskrun.task_id, attempt_number=0,
                            namespace=namespace, flow_id=run.flow_id, level="ERROR", timestamp=start,
                            message=f"{tag}message")
    MetricEntry.objects.create(execution_id=run.id, taskrun_id=taskrun.id, task_id=taskrun.task_id,
                               namespace=namespace, flow_id=run.flow_id, type="counter", name=f"{tag}metric",
                               value=1.0, tags={"t": f"{tag}tag"}, timestamp=start)
    internal_storage().put_bytes(file_uri(namespace, run.id), f"{tag}a,{tag}b\n1,2\n".encode())


def namespaced_models():
    """The models with a `namespace` column (every row belongs to one namespace)."""
    return [model for model in apps.get_models()
            if any(field.name == "namespace" and not field.is_relation for field in model._meta.get_fields())]


def snapshot(namespaces) -> dict:
    """Every row (all columns) of the namespaces, and their stored files: equal
    snapshots mean nothing there changed."""
    rows = {model.__name__: sorted(map(repr, model.objects.filter(namespace__in=namespaces).values()))
            for model in namespaced_models()}
    runs = Execution.objects.filter(namespace__in=namespaces)
    rows["TaskRun"] = sorted(map(repr, TaskRun.objects.filter(execution__in=runs).values()))
    rows["Namespace"] = sorted(Namespace.objects.filter(name__in=namespaces).values_list("name", flat=True))
    storage = internal_storage()
    rows["files"] = sorted(path for namespace in namespaces
                           for path in storage.list_files(layout.uri(layout.namespace_files_folder(namespace))))
    rows["execution files"] = [storage.exists(file_uri(run.namespace, run.id)) for run in runs.order_by("id")]
    return rows


def purge_hidden() -> None:
    """Remove every trace of the hidden namespaces: what a reader sees afterwards is what
    it must have seen before."""
    for model in namespaced_models():
        model.objects.filter(namespace__in=HIDDEN).delete()
    Namespace.objects.filter(name__in=HIDDEN).delete()
    storage = internal_storage()
    for namespace in HIDDEN:
        storage.delete_folder(layout.uri(layout.namespace_files_folder(namespace)))
