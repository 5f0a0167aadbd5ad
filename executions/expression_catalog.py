"""The names of the Pebble filters and functions a flow's expressions may use
(Kestra's GET /api/v1/pebble/filters and /functions, for the editor's completion):
the expressions package's own, and those a task's run context adds (its KV store,
secrets, logs and files; executions/engine/run_context.py `functions()`)."""
from __future__ import annotations

from expressions.filters import FILTERS
from expressions.functions import FUNCTIONS

RUN_CONTEXT_FUNCTIONS = ("kv", "secret", "errorLogs", "read", "fileExists", "fileSize", "isFileEmpty", "fileURI")


def filter_names() -> list[str]:
    return sorted(FILTERS)


def function_names() -> list[str]:
    return sorted({*FUNCTIONS, *RUN_CONTEXT_FUNCTIONS})
