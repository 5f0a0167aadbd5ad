"""Errors of a flow definition or of input values, each naming what is wrong and where."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpecError:
    path: str
    message: str
    line: int | None = None

    def __str__(self):
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class FlowInvalid(ValueError):
    def __init__(self, errors: list[SpecError]):
        self.errors = sorted(errors, key=lambda e: (e.line or 0, e.path))
        super().__init__("\n".join(str(e) for e in self.errors))


class InputInvalid(ValueError):
    """Bad input values: (input id, message) pairs."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("\n".join(message for _, message in errors))
