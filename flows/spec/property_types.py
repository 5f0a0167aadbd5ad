"""Checking a property's literal value against its declaration, with the one reader
that run time uses too (plugins.api.property_values): a dynamic property whose value
holds an expression is checked only at run time, once rendered; scalars are read the
way Kestra's Jackson does (`"5"` is a fine integer, `5` a fine string)."""
from __future__ import annotations

from typing import Any

from plugins.api.properties import Property
from plugins.api.property_values import Problem, has_expression, problems

__all__ = ["Problem", "field_problems", "has_expression", "kind_problem", "problems", "value_problem"]


def kind_problem(prop: Property, value: Any) -> str | None:
    """What is wrong with `value` itself for `prop`, or None; what is wrong inside it
    (an object's keys, a list's items) is field_problems' business."""
    return next((problem.message for problem in problems(prop, value) if not problem.sub), None)


def field_problems(prop: Property, value: Any) -> list[tuple[str, Any, Any, str]]:
    """(sub-path, container, key, message) for each problem inside an object or a list
    (a typo such as `maxIterationz` is refused when the flow is saved, as Kestra refuses
    unknown properties everywhere)."""
    return [(problem.sub, problem.container, problem.key, problem.message)
            for problem in problems(prop, value) if problem.sub]


def value_problem(kind: str, value: Any, values: tuple = (), items: str | None = None) -> str | None:
    """What is wrong with a literal value for a bare kind (no declaration at hand)."""
    return kind_problem(Property("value", kind, values=values, items=items, dynamic=False), value)
