"""`GET /logs/{executionId}/follow`: the execution's log lines as server-sent events,
those already written first, then new ones as they come, as Kestra's LogController
streams them. Kestra's first event is an empty LogEntry; here it is an SSE comment,
which clients skip (kestrapy would otherwise yield a LogEntry without namespace).

New lines are read from the database by id (greater than the last one sent), polled
as kestraweb.event_stream polls; the stream ends once the execution is terminal and
its lines are all sent."""
from __future__ import annotations

from django.http import StreamingHttpResponse

from executions.log_queries import execution_is_terminal, execution_logs
from executions.serializers import log_json
from kestraweb.event_stream import Polled, polled_stream, sse_comment, sse_event

BATCH = 500


class _NewLines:
    """A read of the lines after the last one sent, remembering the last one sent."""

    def __init__(self, execution_id: str, min_level: str | None):
        self.execution_id, self.min_level, self.last_id = execution_id, min_level, 0

    def __call__(self) -> Polled:
        """Done once the execution was terminal before this read and nothing is left."""
        terminal = execution_is_terminal(self.execution_id)
        rows = list(execution_logs(self.execution_id, self.min_level)
                    .filter(id__gt=self.last_id).order_by("id")[:BATCH])
        if rows:
            self.last_id = rows[-1].id
        return Polled([sse_event("progress", log_json(row), event=None) for row in rows],
                      terminal and len(rows) < BATCH)


def follow_response(request, execution_id: str, min_level: str | None) -> StreamingHttpResponse:
    """`request` is DRF's Request; the Django request it wraps says which server runs."""
    return polled_stream(request._request, _NewLines(execution_id, min_level), start=sse_comment("start"))
