"""`GET /usages/all` (Kestra's MiscController#usages, CollectorService#metrics): what this
instance holds — flows and the task and trigger types they use, executions and task runs
per day over the last day — for instance superusers only, since it counts every namespace."""
from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api.configs.views import instance_uuid, server_version
from executions.daily_stats import daily
from executions.models import Execution, TaskRun
from flows.models import Flow
from flows.spec import FlowInvalid
from flows.spec.walk import walk_tasks
from flows.spec.yaml_lines import load, plain

STARTED = timezone.now()


def flow_usage() -> dict:
    tasks: Counter = Counter()
    triggers: Counter = Counter()
    flows = Flow.objects.filter(deleted=False).only("namespace", "source")
    namespaces = set()
    for flow in flows.iterator():
        namespaces.add(flow.namespace)
        try:
            data = plain(load(flow.source))
        except FlowInvalid:
            continue
        tasks.update(str(task.get("type")) for task, _path, _container, _index in walk_tasks(data))
        triggers.update(str(t.get("type")) for t in data.get("triggers") or [] if isinstance(t, dict))
    return {"count": flows.count(), "namespacesCount": len(namespaces), "taskTypeCount": dict(sorted(tasks.items())),
            "triggerTypeCount": dict(sorted(triggers.items())), "taskRunnerTypeCount": {}}


class UsagesView(APIView):
    @extend_schema(operation_id="usages", responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied("Only an instance superuser may read the instance's usage")
        end = timezone.now()
        start = end - timedelta(days=1)
        return Response({
            "uuid": instance_uuid(), "startUuid": instance_uuid(), "instanceUuid": instance_uuid(),
            "serverType": "STANDALONE", "version": server_version(), "zoneId": settings.TIME_ZONE,
            "uri": None, "environments": [], "startTime": STARTED.isoformat().replace("+00:00", "Z"),
            "host": None, "configurations": None, "plugins": [],
            "flows": flow_usage(),
            "executions": {"dailyExecutionsCount": daily(Execution.objects.filter(deleted=False), start, end),
                           "dailyTaskRunsCount": daily(TaskRun.objects.filter(execution__deleted=False), start, end)},
            "services": None,
        })


class TenantUsageView(UsagesView):
    """`GET /usages` (tenantUsage): the usage of the current tenant; with the one tenant
    `main`, the instance's."""

    @extend_schema(operation_id="tenantUsage", responses={200: OpenApiTypes.OBJECT})
    def get(self, request):
        return super().get(request)
