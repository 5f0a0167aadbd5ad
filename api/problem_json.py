"""Every error under /api/ as an RFC 7807 `application/problem+json` body.

Two doors lead here: DRF's EXCEPTION_HANDLER (`exception_handler`, for errors raised in
API views) and `ProblemMiddleware` (for the rest: a URL no route matches, a 405 of a
plain Django view, a CSRF refusal, the webhook's own JSON errors). Both build the body
with `problem_response`, so a client sees one shape whatever failed, as Kestra 2.0
sends it even for unknown routes."""
from __future__ import annotations

import json
import logging
import re
import uuid
from http import HTTPStatus

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import DataError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from rest_framework import exceptions

from flows.spec.errors import FlowInvalid, InputInvalid

from .problems import FieldError, NotFound, Unprocessable

CONTENT_TYPE = "application/problem+json"
API_PREFIX = "/api/"
_TRACEPARENT = re.compile(r"^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$")
_KEPT_HEADERS = ("WWW-Authenticate", "Allow", "Retry-After")
_ANSWER_BY_DESIGN = "kestraweb_answer_by_design"
logger = logging.getLogger(__name__)


def answer_by_design(response: HttpResponse) -> HttpResponse:
    """Marks an error status that is the answer itself, not an API error: a webhook's
    `responseCode` over the flow's outputs, its 504 with the execution. The middleware
    leaves its body as it is."""
    setattr(response, _ANSWER_BY_DESIGN, True)
    return response


def trace_id(request) -> str:
    """The W3C `traceparent` trace id when the client sent one, else a new one, kept on
    the request so every error of one request names the same id."""
    found = getattr(request, "trace_id", None)
    if found is None:
        match = _TRACEPARENT.match(request.headers.get("traceparent", ""))
        found = match.group(1) if match else uuid.uuid4().hex
        request.trace_id = found
    return found


def problem_response(request, status: int, detail: str, errors: list[FieldError] = (),
                     title: str | None = None, headers: dict | None = None) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.path,
        "traceId": trace_id(request),
        "errors": [error.as_json() for error in errors],
        "message": f"{title or HTTPStatus(status).phrase}: {detail}",  # Kestra 1.x's JsonError.message
    }
    response = HttpResponse(json.dumps(body), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _flatten(detail, pointer: str = "") -> list[FieldError]:
    """DRF's nested validation details as (pointer, message) items: `labels.0.key`."""
    if isinstance(detail, dict):
        return [e for key, value in detail.items()
                for e in _flatten(value, f"{pointer}.{key}" if pointer else str(key))]
    if isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            return [FieldError(str(item), pointer or None) for item in detail]
        return [e for index, item in enumerate(detail) for e in _flatten(item, f"{pointer}.{index}")]
    return [FieldError(str(detail), pointer or None)]


def as_problem(exc) -> exceptions.APIException | None:
    """The project's and Django's named errors as API exceptions; None for the unknown."""
    if isinstance(exc, FlowInvalid):
        return Unprocessable(str(exc), [FieldError(e.what(), e.path or None, e.line) for e in exc.errors])
    if isinstance(exc, InputInvalid):
        return Unprocessable(str(exc), [FieldError(message, f"inputs.{input_id}") for input_id, message in exc.errors])
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        return Unprocessable("; ".join(e.detail if not e.pointer else f"{e.pointer}: {e.detail}" for e in errors),
                             errors)
    if isinstance(exc, (Http404, ObjectDoesNotExist)):
        return NotFound(str(exc) or "Not Found")
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, DataError):
        # A value the database refused (PostgreSQL: too long for its column, a number
        # out of range, a NUL, a regex of another dialect) that no check at the entry
        # caught: it is the request's value, so a 422, not a 500. Logged, since the
        # right fix is a check that names the field; SQLite would have stored it.
        logger.warning("Database refused a value: %s", exc, exc_info=exc)
        first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return Unprocessable(f"A value does not fit the database: {first_line}")
    if isinstance(exc, exceptions.APIException):
        return exc
    return None


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: a problem for every named error, None (a logged 500) for
    a bug, which no user input may reach."""
    problem = as_problem(exc)
    if problem is None:
        return None
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    detail = problem.detail if isinstance(problem.detail, str) else str(problem.detail)
    return problem_response(context["request"]._request, problem.status_code, detail,
                            getattr(problem, "errors", []), getattr(problem, "title", None), headers)


def _detail_of(request, response) -> str:
    """What a non-problem error response said: its JSON `message`/`detail`, else a
    sentence for the status (Django's HTML error pages say nothing a client can use)."""
    if response.get("Content-Type", "").startswith("application/json"):
        try:
            body = json.loads(response.content)
        except ValueError:
            body = None
        if isinstance(body, dict):
            for key in ("detail", "message"):
                if isinstance(body.get(key), str):
                    return body[key]
    if response.status_code == 404:
        return f"No route or object for {request.method} {request.path}"
    if response.status_code == 405:
        return f"Method {request.method} not allowed on {request.path}; allowed: {response.get('Allow', '')}"
    if response.status_code == 403:
        return "Forbidden (a session request needs its CSRF token)"
    if response.status_code >= 500:
        return f"{HTTPStatus(response.status_code).phrase}; trace id {trace_id(request)}"
    return HTTPStatus(response.status_code).phrase


_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


def _nul_at(request) -> str | None:
    """Where the path or query holds a NUL character: "path", a parameter's name, or None.
    On pages, a posted form's fields too: views there read some fields without a Django
    form (whose CharField refuses NUL), such as an execution's labels. The API's bodies
    are its parsers' (api.parsers)."""
    fields = [request.GET]
    if not request.path.startswith(API_PREFIX) and request.method == "POST" and request.content_type in _FORMS:
        fields.append(request.POST)
    for query in fields:
        for key, values in query.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return key.replace("\x00", "%00")
    return "path" if "\x00" in request.path else None


class ProblemMiddleware:
    """Rewrites error responses under /api/ that are not problems yet into problems."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        nul_at = _nul_at(request)
        if nul_at is not None:
            # PostgreSQL cannot hold a NUL character in text: refused before any query
            # (the OpenAPI fuzz found `flows/%00/0/dependencies` answering a 500), on
            # the pages too (`/ui/flows?q=%00` was one there).
            message = "A NUL character (%00) is not allowed in the path, query or form"
            if not request.path.startswith(API_PREFIX):
                return HttpResponseBadRequest(f"{message} ({nul_at})", content_type="text/plain")
            return problem_response(request, 400, message, [FieldError("contains a NUL character", nul_at)])
        response = self.get_response(request)
        if (request.path.startswith(API_PREFIX) and response.status_code >= 400
                and not response.get("Content-Type", "").startswith(CONTENT_TYPE)
                and not getattr(response, "streaming", False)
                and not getattr(response, _ANSWER_BY_DESIGN, False)):
            headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
            return problem_response(request, response.status_code, _detail_of(request, response), headers=headers)
        return response

    def process_exception(self, request, exception):
        """A named error escaping a plain Django view under /api/ becomes its problem.
        Anything else is left to Django (a 400 for a SuspiciousOperation such as a body
        over DATA_UPLOAD_MAX_MEMORY_SIZE, a logged 500 for a bug), then rewritten above."""
        if not request.path.startswith(API_PREFIX):
            return None
        problem = as_problem(exception)
        if problem is None:
            return None
        return problem_response(request, problem.status_code, str(problem.detail), getattr(problem, "errors", []))
