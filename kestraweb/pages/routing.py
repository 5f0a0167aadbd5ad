"""Kestra's UI paths: `/ui/<page>`, and the same page under the tenant, `/ui/main/<page>`,
so links written from Kestra habits and notifications work either way."""
from __future__ import annotations

from django.urls import URLPattern, path

TENANT = "main"


def ui(route: str, view, name: str) -> list[URLPattern]:
    """The page at `ui/<route>` (named, for reverse) and at `ui/main/<route>`."""
    return [path(f"ui/{route}", view, name=name), path(f"ui/{TENANT}/{route}", view)]
