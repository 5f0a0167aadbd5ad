"""Known keys only, in every map of a flow with a fixed shape: Kestra reads flows with
FAIL_ON_UNKNOWN_PROPERTIES, so a typo is refused when the flow is saved instead of
being ignored at run time."""
from __future__ import annotations

from .errors import SpecError
from .yaml_lines import line_of


def unknown_keys(mapping: dict, known, path: str, suffix: str = "") -> list[SpecError]:
    """An error for each key of `mapping` (at `path`) that is not one of `known`, with
    its line; `suffix` says whose (` (trigger 'daily')`)."""
    return [SpecError(f"{path}.{key}", f"unknown property '{key}'; known: {', '.join(known)}{suffix}",
                      line_of(mapping, key))
            for key in mapping if key not in known]
