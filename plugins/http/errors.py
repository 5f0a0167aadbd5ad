"""What an HTTP task or trigger fails with. `retryable` tells retry logic whether the
same request may succeed later (a timeout, a refused connection, a 5xx or 429) or not
before the flow changes (a 404, a bad property)."""
from __future__ import annotations

from plugins.api.context import TaskFailed

# Response codes a later attempt may well get past.
RETRYABLE_CODES = frozenset({408, 425, 429, 500, 502, 503, 504})


class HttpFailed(TaskFailed):
    def __init__(self, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class HttpPropertyInvalid(HttpFailed):
    """A property that renders to something the request cannot use; names the property."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{name}: {problem}")


class HttpResponseRefused(HttpFailed):
    """The server answered a code the task does not accept (Kestra's
    HttpClientResponseException: "Failed http request with response code '404'...")."""

    def __init__(self, code: int, body: str | None) -> None:
        message = f"Failed http request with response code '{code}'"
        if body:
            message += f" and body:\n{body}"
        super().__init__(message, retryable=code in RETRYABLE_CODES)
        self.code = code
