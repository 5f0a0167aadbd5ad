"""`/api/v1/setup` (Kestra's first-run setup): while no user exists anyone may create
the first one, an instance superuser; once one exists the setup is done and POST is
refused (405), so the route is no back door. Kestra's rule for a basic-auth password:
at least 8 characters, an upper-case letter and a digit."""
from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from ..openapi.problems_doc import PROBLEM_REF
from ..problems import FieldError, Unprocessable

PASSWORD = re.compile(r"^(?=.*[A-Z])(?=.*\d)\S{8,}$")
PASSWORD_RULE = "at least 8 characters without spaces, with an upper-case letter and a digit"


def setup_done() -> bool:
    return get_user_model().objects.exists()


def _user_json(user) -> dict:
    return {"id": str(user.pk), "username": user.get_username(), "email": user.email or "",
            "firstName": user.first_name or None, "lastName": user.last_name or None,
            "instanceOwner": user.is_superuser, "groupList": [], "auths": []}


class SetupView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses=inline_serializer("SetupConfiguration", {
        "done": serializers.BooleanField(), "repositoryType": serializers.CharField(),
        "queueType": serializers.CharField(), "storageType": serializers.CharField()}))
    def get(self, request):
        return Response({"done": setup_done(), "repositoryType": connection.vendor,
                         "queueType": "redis" if settings.REDIS_URL else "database", "storageType": "local",
                         "secretType": None, "haveAuthNotBasic": False,
                         "passwordConfiguration": {"regex": PASSWORD.pattern, "message": PASSWORD_RULE}})

    @extend_schema(request=inline_serializer("SetupData", {
        "username": serializers.CharField(), "password": serializers.CharField()}),
        responses={200: inline_serializer("SetupUser", {"id": serializers.CharField(),
                                                        "username": serializers.CharField(),
                                                        "email": serializers.CharField()}),
                   (405, "application/problem+json"): OpenApiResponse(PROBLEM_REF, "The setup is done already")})
    def post(self, request):
        if setup_done():
            raise MethodNotAllowed("POST", "The setup is done: a user exists already")
        data = request.data if isinstance(request.data, dict) else {}
        username, password = data.get("username"), data.get("password")
        errors = []
        if not isinstance(username, str) or not username.strip():
            errors.append(FieldError("required: the first user's name (an email for Kestra's UI)", "username"))
        if not isinstance(password, str) or not PASSWORD.match(password):
            errors.append(FieldError(f"the password must have {PASSWORD_RULE}", "password"))
        if errors:
            raise Unprocessable("Invalid setup: " + "; ".join(error.detail for error in errors), errors)
        with transaction.atomic():
            user = get_user_model().objects.create_superuser(
                username.strip(), username.strip() if "@" in username else "", password)
            if get_user_model().objects.count() != 1:  # another setup ran at the same moment
                transaction.set_rollback(True)
                raise MethodNotAllowed("POST", "The setup is done: a user exists already")
        return Response(_user_json(user))
