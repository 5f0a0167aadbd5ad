"""What a task may do to another execution (Kestra's Resume task).

Resuming is an operation (executions.operations, then a hand-off to the cluster by
executions.services), a layer above the engine: the app registers it here when it
starts (ExecutionsConfig.ready), so the engine's run context calls it without
importing upward."""
from __future__ import annotations

from collections.abc import Callable

Resume = Callable[[str, "dict | None"], None]
_resume: Resume | None = None


class NotProvided(RuntimeError):
    """The app did not register the operation (Django not set up through its AppConfig)."""


def provide_resume(resume: Resume) -> None:
    global _resume
    _resume = resume


def resume(execution_id: str, inputs: dict | None) -> None:
    if _resume is None:
        raise NotProvided("no resume operation registered: executions.apps.ExecutionsConfig.ready did not run")
    _resume(execution_id, inputs)
