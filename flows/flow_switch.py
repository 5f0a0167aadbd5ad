"""Enabling and disabling a flow as Kestra does it: the YAML itself gets (or loses)
`disabled: true`, so the switch is a new revision and the source stays the truth."""
from __future__ import annotations

from flows.models import Flow
from flows.services import save_flow
from flows.spec.yaml_lines import load


def with_disabled(source: str, disabled: bool) -> str:
    """`source` with its top-level `disabled` set: the existing line is replaced (the
    value of a boolean fits on it), or one is appended."""
    data = load(source)
    line = f"disabled: {'true' if disabled else 'false'}"
    if "disabled" in data:
        lines = source.splitlines(keepends=True)
        number = data.key_lines["disabled"] - 1
        ending = "\n" if lines[number].endswith("\n") else ""
        lines[number] = line + ending
        return "".join(lines)
    return source + ("" if source.endswith("\n") else "\n") + line + "\n"


def set_disabled(flow: Flow, disabled: bool) -> Flow:
    if flow.disabled == disabled:
        return flow
    return save_flow(with_disabled(flow.source, disabled))[0]
