"""What one render may cost: flows are written by users, and a hostile one must not
freeze the process that renders it. A render ends with a LimitExceeded naming the
limit when it would build a string or list too large, walk too large a range, run a
regular expression too long or run too long itself.

The values come from the engine's settings (expressions/ reads no settings: the engine
passes them in a Budget); the defaults here are the settings' defaults. The error names
each limit by the setting a user changes it with."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import ExpressionError


@dataclass(frozen=True)
class Limits:
    max_output: int = 10_000_000  # characters of any string a render builds, items of any list
    max_range: int = 100_000  # items a range() or `..` may hold
    timeout: float = 10.0  # seconds one render may run
    regex_timeout: float = 1.0  # seconds one regular expression may run
    # Any YAML a user gives (a flow, an input, the yaml() function), as Kestra's
    # SnakeYAML LoaderOptions bound it (expressions.yaml_bounds):
    yaml_aliases: int = 50  # aliases to lists or maps in one document
    yaml_values: int = 200_000  # values once the aliases are expanded
    nesting_depth: int = 50  # lists and maps inside each other


# The setting (and environment variable) that sets each limit: errors name it.
SETTING_NAMES = {
    "max_output": "KESTRAWEB_EXPRESSION_MAX_OUTPUT",
    "max_range": "KESTRAWEB_EXPRESSION_MAX_RANGE",
    "timeout": "KESTRAWEB_EXPRESSION_TIMEOUT",
    "regex_timeout": "KESTRAWEB_REGEX_TIMEOUT",
    "yaml_aliases": "KESTRAWEB_YAML_MAX_ALIASES",
    "yaml_values": "KESTRAWEB_YAML_MAX_VALUES",
    "nesting_depth": "KESTRAWEB_MAX_NESTING_DEPTH",
}


class LimitExceeded(ExpressionError):
    """A render stopped by one of the Limits; `limit` is the field's name."""

    def __init__(self, limits: Limits, limit: str, problem: str, expression: str | None = None):
        self.limits, self.limit, self.problem, self.expression = limits, limit, problem, expression
        where = f"Unable to render `{expression}`: " if expression else ""
        super().__init__(f"{where}{problem}: above the limit {SETTING_NAMES[limit]}={getattr(limits, limit)}")

    def in_expression(self, template: str) -> LimitExceeded:
        """The same error naming the expression that hit it (the outermost, when renders nest)."""
        shown = template.strip()
        shown = shown if len(shown) <= 200 else shown[:200] + "..."
        return LimitExceeded(self.limits, self.limit, self.problem, shown)


class RenderInterrupted(ExpressionError):
    """A render stopped because the task that runs it ran past its own timeout or was
    killed: the engine reports the task's timeout or kill, not an expression error."""
