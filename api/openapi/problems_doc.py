"""SPECTACULAR_SETTINGS' POSTPROCESSING_HOOKS: every operation may answer an RFC 7807
problem (api.problems) for bad credentials, a missing role, a missing object, a conflict,
bad input or a too-large body. The views don't list them one by one; this hook documents
them once, so a client (and the schemathesis fuzz's status-code check) knows that a 4xx
is an `application/problem+json` body of this shape. A 5xx is not documented: it is a bug."""
from __future__ import annotations

from http import HTTPStatus

PROBLEM_STATUSES = (400, 401, 403, 404, 409, 413, 422)
PROBLEM = {
    "type": "object",
    "required": ["type", "title", "status", "detail", "instance", "traceId", "errors"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string"}, "instance": {"type": "string"}, "traceId": {"type": "string"},
        "message": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object", "required": ["detail"], "properties": {
            "detail": {"type": "string"}, "pointer": {"type": "string", "nullable": True},
            "line": {"type": "integer"}}}},
    },
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def document_problems(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status in PROBLEM_STATUSES:
                responses.setdefault(str(status), {"description": HTTPStatus(status).phrase,
                                                   "content": {"application/problem+json": {"schema": PROBLEM_REF}}})
    return result
