"""The errors an endpoint raises, each answered as an RFC 7807 problem.

Raise one of these (or a DRF exception, or a flow spec error) from a view; the
exception handler in `api.problem_json` turns it into `application/problem+json`
`{type,title,status,detail,instance,traceId,errors:[{detail,pointer}]}` as Kestra 2.0
answers. Users' scripts key on the status (404 = "not found"), so pick it with care:
400 unreadable request, 401 no or bad credentials, 403 role missing, 404 missing
object, 409 conflict with the current state, 422 well-formed but invalid input."""
from __future__ import annotations

from dataclasses import dataclass

from rest_framework import status
from rest_framework.exceptions import APIException


@dataclass(frozen=True)
class FieldError:
    """One item of a problem's `errors`: what is wrong (`detail`) and where (`pointer`:
    a flow path such as `tasks[1].format`, an input id, a query parameter)."""

    detail: str
    pointer: str | None = None
    line: int | None = None  # the YAML line, for flow sources

    def as_json(self) -> dict:
        item = {"detail": self.detail, "pointer": self.pointer}
        if self.line is not None:
            item["line"] = self.line
        return item


class Problem(APIException):
    """Base of the named errors: a status, a title, a detail and field errors."""

    status_code = status.HTTP_400_BAD_REQUEST
    title = "Bad Request"

    def __init__(self, detail: str, errors: list[FieldError] | None = None):
        super().__init__(detail)
        self.errors = list(errors or [])


class BadRequest(Problem):
    pass


class NotFound(Problem):
    status_code = status.HTTP_404_NOT_FOUND
    title = "Not Found"


class Conflict(Problem):
    status_code = status.HTTP_409_CONFLICT
    title = "Conflict"


class Unprocessable(Problem):
    """Input that was read but does not fit: a bad filter, an invalid flow, bad inputs."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    title = "Unprocessable Entity"


class TooLarge(Problem):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    title = "Payload Too Large"


def invalid_parameter(name: str, message: str) -> Unprocessable:
    """A query parameter that cannot be used, naming it."""
    return Unprocessable(f"Invalid parameter '{name}': {message}", [FieldError(message, name)])
