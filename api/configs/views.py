"""`/api/v1/configs` (Kestra's MiscController#configuration, unauthenticated as there)
and health (`/api/v1/health`, and `/health` as Kestra's management port serves it)."""
from __future__ import annotations

import hashlib
import uuid
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.namespaces import SYSTEM_NAMESPACE
from plugins.api.labels import SYSTEM_PREFIX


def instance_uuid() -> str:
    """Stable for one installation (drawn from SECRET_KEY), as Kestra keeps one in its settings."""
    digest = hashlib.sha256(f"kestraweb instance:{settings.SECRET_KEY}".encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


@cache  # the installed version cannot change while the process runs; reading it parses package metadata
def server_version() -> str:
    try:
        return version("kestraweb")
    except PackageNotFoundError:
        return "0.0.0"


class ConfigsView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=inline_serializer("Configuration", {
        "uuid": serializers.CharField(), "version": serializers.CharField(), "edition": serializers.CharField(),
        "isBasicAuthInitialized": serializers.BooleanField(), "systemNamespace": serializers.CharField(),
        "hiddenLabelsPrefixes": serializers.ListField(child=serializers.CharField())}))
    def get(self, request):
        return Response({
            "uuid": instance_uuid(),
            "version": server_version(),
            "commitId": None,
            "commitDate": None,
            "edition": "OSS",
            "isCustomDashboardsEnabled": False,
            "isTaskRunEnabled": False,
            "isAnonymousUsageEnabled": False,
            "isTemplateEnabled": True,
            "isBasicAuthInitialized": get_user_model().objects.filter(is_active=True).exists(),
            "isAiEnabled": False,
            "isConcurrencyViewEnabled": True,
            "systemNamespace": SYSTEM_NAMESPACE,
            "hiddenLabelsPrefixes": [SYSTEM_PREFIX],
            "resourceToFilters": [],
            "url": request.build_absolute_uri("/"),
            "preview": {"initial": 100, "max": 5000},
        })


class HealthView(APIView):
    """UP when the database answers; 503 DOWN otherwise (load balancers read the status)."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=inline_serializer("Health", {"status": serializers.CharField()}))
    def get(self, request):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            database = "UP"
        except DatabaseError:
            database = "DOWN"
        return Response({"status": database, "details": {"db": {"status": database}}},
                        status=200 if database == "UP" else 503)
