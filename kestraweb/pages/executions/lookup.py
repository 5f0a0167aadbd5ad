"""One execution as its pages find it: 404 when it does not exist or its namespace is
not visible to the user (the page never tells which), as the API does."""
from __future__ import annotations

from django.http import Http404

from executions.models import Execution

from ..access import require_read, require_write


def execution_at(request, namespace: str, flow_id: str, execution_id: str, write: bool = False) -> Execution:
    """The execution at its page's path; `write`: the user must be allowed to change it (403)."""
    (require_write if write else require_read)(request.user, namespace)
    execution = Execution.objects.filter(pk=execution_id, namespace=namespace, flow_id=flow_id).first()
    if execution is None:
        raise Http404("no such execution")
    return execution


def base_url(execution: Execution) -> str:
    """The path of the execution's pages; a tab is `<base>/<tab>`."""
    return f"/ui/executions/{execution.namespace}/{execution.flow_id}/{execution.id}"
