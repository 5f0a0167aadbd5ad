"""Enabling and disabling a flow as Kestra does it: the YAML itself gets (or loses)
`disabled: true`, so the switch is a new revision and the source stays the truth."""
from __future__ import annotations

import re

import yaml

from flows.models import Flow
from flows.services import save_flow
from flows.spec.yaml_lines import load, plain

_BLOCK_KEY = re.compile(r"^id\s*:")


def with_disabled(source: str, disabled: bool) -> str:
    """`source` with its top-level `disabled` set: the existing line is replaced (the
    value of a boolean fits on it), or one is appended."""
    data = load(source)
    line = f"disabled: {'true' if disabled else 'false'}"
    lines = source.splitlines(keepends=True)
    if "disabled" not in data:
        if _BLOCK_KEY.match(lines[data.key_lines["id"] - 1]):  # a block mapping takes one more line
            return source + ("" if source.endswith("\n") else "\n") + line + "\n"
    else:
        number = data.key_lines["disabled"] - 1
        if re.match(r"disabled\s*:\s*(true|false)?\s*(#.*)?$", lines[number].strip()):
            lines[number] = line + ("\n" if lines[number].endswith("\n") else "")
            return "".join(lines)
    # A flow-style mapping or a value spread over lines: written out again (comments lost).
    return yaml.safe_dump({**plain(data), "disabled": disabled}, sort_keys=False, allow_unicode=True)


def set_disabled(flow: Flow, disabled: bool) -> Flow:
    if flow.disabled == disabled:
        return flow
    return save_flow(with_disabled(flow.source, disabled))[0]
