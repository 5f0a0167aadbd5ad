"""Ids Kestra accepts for flows, tasks, triggers and inputs, and namespaces."""
import re

ID = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9._-]*$")
NAMESPACE = re.compile(r"^[a-z0-9][a-z0-9._-]*$", re.IGNORECASE)
MAX_ID_LENGTH = 100


def id_problem(value) -> str | None:
    if not isinstance(value, str) or not value:
        return "must be a non-empty string"
    if len(value) > MAX_ID_LENGTH:
        return f"must be at most {MAX_ID_LENGTH} characters"
    if not ID.match(value):
        return f"'{value}' must match {ID.pattern}"
    return None
