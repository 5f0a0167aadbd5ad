"""Kestra's MiscController odds and ends this server has: the Pebble names for the
editor, the login configuration, the basic-auth validation errors (none: users are
Django's) and the worker selector tags (none: workers are not tagged here)."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.expression_catalog import filter_names, function_names

NAMES = list[str]


class PebbleFiltersView(APIView):
    @extend_schema(responses=NAMES)
    def get(self, request):
        return Response(filter_names())


class PebbleFunctionsView(APIView):
    @extend_schema(responses=NAMES)
    def get(self, request):
        return Response(function_names())


class LoginConfigurationView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=inline_serializer("LoginConfiguration", {
        "isBasicAuthInitialized": serializers.BooleanField()}))
    def get(self, request):
        return Response({"isBasicAuthInitialized": get_user_model().objects.filter(is_active=True).exists()})


class BasicAuthValidationErrorsView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=NAMES)
    def get(self, request):
        return Response([])


class WorkerSelectorTagsView(APIView):
    @extend_schema(responses=inline_serializer("WorkerSelectorTags", {
        "tags": serializers.ListField(child=serializers.CharField())}))
    def get(self, request):
        return Response({"tags": []})
