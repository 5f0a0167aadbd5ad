"""Finding the flow a page is about, with the reader's access checked first: a namespace
the user may not read is a 404 before the database is asked, so a page never tells
that a flow exists."""
from __future__ import annotations

from django.http import Http404

from flows.flow_changes import live_flow
from flows.models import Flow
from kestraweb.access import ACTIONS, WRITE, bindings
from kestraweb.models.role_binding import Role

from ..access import require_read, require_write


def readable_flow(user, namespace: str, flow_id: str) -> Flow:
    require_read(user, namespace)
    flow = live_flow(namespace, flow_id)
    if flow is None:
        raise Http404(f"no flow {namespace}.{flow_id}")
    return flow


def writable_flow(user, namespace: str, flow_id: str) -> Flow:
    require_write(user, namespace)
    return readable_flow(user, namespace, flow_id)


def writes_somewhere(user) -> bool:
    """May the user change anything in some namespace? (Who may not sees no Create.)"""
    if user.is_superuser:
        return True
    return any(WRITE in ACTIONS[Role(role)] for role, _prefix in bindings(user))
