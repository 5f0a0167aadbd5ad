"""Role checks for endpoints, on kestraweb.access.

Every endpoint that touches a namespace calls `require(request, READ|WRITE|ADMIN,
namespace)` before reading or changing anything there (403 problem otherwise), and
every search narrows its queryset with `visible(request, queryset)`. Authentication
(401) is the default permission class's job (IsAuthenticated)."""
from __future__ import annotations

from rest_framework.exceptions import PermissionDenied

from kestraweb.access import ADMIN, READ, WRITE, can, visible_namespaces_filter

__all__ = ["ADMIN", "READ", "WRITE", "may", "require", "visible"]


def require(request, action: str, namespace: str) -> None:
    if not can(request.user, action, namespace):
        raise PermissionDenied(f"User '{request.user.get_username()}' may not {action} in namespace '{namespace}'")


def may(request, action: str, namespace: str) -> bool:
    """`require` as a question, for an answer that leaves out what the user may not see
    rather than refusing the whole request."""
    return can(request.user, action, namespace)


def visible(request, queryset, field: str = "namespace", action: str = READ):
    """The rows of `queryset` in namespaces the user may `action` in."""
    return queryset.filter(visible_namespaces_filter(request.user, field, action))
