"""The namespace a page is about: a well-formed id the user may read (404 otherwise,
as the API answers), and whether they may change it (buttons shown or not)."""
from __future__ import annotations

from django.http import Http404

from flows.namespaces import BadNamespace, check_id

from ..access import may_write, require_read, require_write


def readable(request, namespace: str) -> dict:
    """The context every tab shares; raises Http404 for a bad or hidden namespace."""
    try:
        check_id(namespace)
    except BadNamespace:
        raise Http404("no such namespace") from None
    require_read(request.user, namespace)
    return {"namespace": namespace, "can_write": may_write(request.user, namespace)}


def writable(request, namespace: str) -> dict:
    """As `readable`, and 403 unless the user's role there allows changes."""
    context = readable(request, namespace)
    require_write(request.user, namespace)
    return context
