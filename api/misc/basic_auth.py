"""`POST /basicAuth` (Kestra's MiscController#addBasicAuth, BasicAuthCredentials
{uid, username, password}): set the basic-auth login of the instance. Here every user
logs in with Basic, so it creates that user as an instance superuser, or sets its
password; only an instance superuser may, and the password follows setup's rule. 204."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.views import APIView

from ..problems import FieldError, Unprocessable
from .setup import PASSWORD, PASSWORD_RULE

CREDENTIALS = inline_serializer("BasicAuthCredentials", {
    "uid": serializers.CharField(required=False), "username": serializers.CharField(),
    "password": serializers.CharField()})


class BasicAuthView(APIView):
    @extend_schema(operation_id="createBasicAuth", request=CREDENTIALS,
                   responses={204: OpenApiResponse(description="Saved")})
    def post(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied("Only an instance superuser may set the basic-auth login")
        data = request.data if isinstance(request.data, dict) else {}
        username, password = data.get("username"), data.get("password")
        errors = []
        if not isinstance(username, str) or not username.strip():
            errors.append(FieldError("required: the login's user name", "username"))
        if not isinstance(password, str) or not PASSWORD.match(password):
            errors.append(FieldError(f"the password must have {PASSWORD_RULE}", "password"))
        if errors:
            raise Unprocessable("Invalid basic-auth credentials: " + "; ".join(e.detail for e in errors), errors)
        name = username.strip()
        with transaction.atomic():
            user, _created = get_user_model().objects.get_or_create(
                username=name, defaults={"email": name if "@" in name else ""})
            user.is_superuser = user.is_staff = True
            user.set_password(password)
            user.save()
        return HttpResponse(status=204)
