"""Whether a flow may be executed now, in Kestra's words: the admin's Execute page and
the pages' Execute form both ask before they draw the inputs."""
from __future__ import annotations

from flows.spec import FlowInvalid


def not_executable(flow) -> str | None:
    """Why the flow cannot be executed (Kestra's FlowService#getFlowIfExecutableOrThrow
    words), or None."""
    if flow.deleted:
        return "Requested Flow is not found."
    if flow.disabled:
        return "Requested Flow is disabled."
    try:
        flow.spec()
    except FlowInvalid as exc:
        return f"Requested Flow is not valid. Error: {exc}"
    return None
