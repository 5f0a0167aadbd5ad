"""Who may do what in which namespace: roles bound per namespace prefix.

A user's bindings (their own and their groups') grant a role over a namespace and its
children. Superusers may do everything everywhere. Nothing bound means nothing visible:
searches filter with `visible_namespaces_filter`, so a result never names an object of
a namespace its reader may not see."""
from __future__ import annotations

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Collate
from django.db.models.lookups import GreaterThanOrEqual, LessThan

from .models import RoleBinding
from .models.role_binding import Role

READ, WRITE, ADMIN = "read", "write", "admin"
# The actions each role allows.
ACTIONS = {Role.VIEWER: {READ}, Role.EDITOR: {READ, WRITE}, Role.ADMIN: {READ, WRITE, ADMIN}}
ALL = ("", "*")  # a binding's namespace covering every namespace


def covers(prefix: str, namespace: str) -> bool:
    """Does a binding's prefix cover the namespace, on namespace boundaries?"""
    return prefix in ALL or namespace == prefix or namespace.startswith(prefix + ".")


def bindings(user) -> list[tuple[str, str]]:
    """(role, namespace prefix) of the user and their groups, read once per user object."""
    cached = getattr(user, "_kestraweb_bindings", None)
    if cached is None:
        cached = list(RoleBinding.objects.filter(Q(user=user) | Q(group__in=user.groups.all()))
                      .values_list("role", "namespace"))
        user._kestraweb_bindings = cached
    return cached


def can(user, action: str, namespace: str) -> bool:
    """May the user do `action` (read, write, admin) in `namespace`?"""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(action in ACTIONS[Role(role)] and covers(prefix, namespace) for role, prefix in bindings(user))


def visible_namespaces_filter(user, field: str = "namespace", action: str = READ) -> Q:
    """A Q keeping the rows whose `field` is a namespace the user may `action` in."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    prefixes = {prefix for role, prefix in bindings(user) if action in ACTIONS[Role(role)]}
    if prefixes & set(ALL):
        return Q()
    condition = Q(pk__in=[])
    for prefix in sorted(prefixes):
        condition |= Q(**{field: prefix}) | namespace_children(field, prefix)
    return condition


# A collation that compares strings byte by byte, where the database's default may not
# (PostgreSQL's locale collations skip punctuation such as '.'); SQLite's default already does.
_BYTE_ORDER = {"postgresql": "C", "mysql": "utf8mb4_bin"}


def namespace_children(field: str, namespace: str) -> Q:
    """Rows whose `field` is a child namespace of `namespace`, as a range: from
    `namespace.` up to `namespace/` ('/' follows '.' in byte order). Case-sensitive, and
    unlike LIKE (case-blind on SQLite) an index on `field` can serve it."""
    value = F(field)
    if connection.vendor in _BYTE_ORDER:
        value = Collate(value, _BYTE_ORDER[connection.vendor])
    return Q(GreaterThanOrEqual(value, namespace + ".")) & Q(LessThan(value, namespace + "/"))
