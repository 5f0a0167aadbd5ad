"""The expression Limits from the settings (expressions/ reads none itself), and the
budget of one render: the task's own deadline and kill switch bound it too."""
from __future__ import annotations

from django.conf import settings

import expressions


def expression_limits() -> expressions.Limits:
    return expressions.Limits(max_output=settings.EXPRESSION_MAX_OUTPUT, max_range=settings.EXPRESSION_MAX_RANGE,
                              timeout=settings.EXPRESSION_TIMEOUT, regex_timeout=settings.REGEX_TIMEOUT,
                              yaml_aliases=settings.YAML_MAX_ALIASES, yaml_values=settings.YAML_MAX_VALUES,
                              nesting_depth=settings.MAX_NESTING_DEPTH)


def expression_budget(deadline: float | None = None, cancelled=None) -> expressions.Budget:
    """A render's budget: the settings' limits, and stopped at `deadline` (the task's
    timeout, time.monotonic) or when `cancelled` (the task's kill event) is set."""
    return expressions.Budget(expression_limits(), deadline=deadline, cancelled=cancelled)
