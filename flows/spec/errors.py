"""Errors of a flow definition or of input values, each naming what is wrong and where.

A flow is checked as a whole and every problem is reported at once, so an editor (or a
user fixing a file by hand) sees them all instead of one per attempt."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpecError:
    """One problem: `path` says where in the flow (`tasks[1].format`), `line` is the
    1-based YAML line it comes from (None when it cannot be known)."""

    path: str
    message: str
    line: int | None = None

    def __str__(self):
        if self.line and f"line {self.line}" not in self.message:
            return f"line {self.line}: {self.what()}"
        return self.what()

    def what(self) -> str:
        """The path and the message, without the line (for `file:line: ...`)."""
        parts = []
        # A message that already quotes its path (`unknown property 'taks'`) says it once.
        if self.path and f"'{self.path}'" not in self.message:
            parts.append(self.path)
        parts.append(self.message)
        return ": ".join(parts)


class FlowInvalid(ValueError):
    """A flow that cannot be saved or run; `errors` holds every problem, by line."""

    def __init__(self, errors: list[SpecError]):
        self.errors = sorted(errors, key=lambda e: (e.line or 0, e.path))
        super().__init__("\n".join(str(e) for e in self.errors))


class InputInvalid(ValueError):
    """Input values that do not fit their declaration: (input id, message) pairs, each
    message naming the input."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = list(errors)
        super().__init__("\n".join(message for _, message in self.errors))

    @property
    def input_ids(self) -> list[str]:
        return [input_id for input_id, _ in self.errors]
