"""Checking a flow's `inputs` declarations, normalised to Kestra's current names
(`name` -> `id`, `BOOL` -> `BOOLEAN`, `required` true unless said otherwise).

Besides the shape (an id, a known type, the values a choice needs, an ARRAY's
itemType), literal `defaults`, `min`/`max`, `after`/`before` and `validator`s are
checked here, so a flow whose default cannot be read is refused when saved, as Kestra
does, not when it first runs without that input."""
from __future__ import annotations

import math

from expressions import java_regex

from .errors import SpecError
from .ids import input_id_problem
from .input_properties import MAX_DISPLAY_NAME, any_type_property, every_key, input_properties
from .input_temporal import parse_java_duration
from .input_types import LONG_MAX, LONG_MIN, TYPES, BadValue, parse_value
from .inputs import normalise_declaration
from .property_types import has_expression, problems
from .yaml_lines import line_of

# Every property some input type has (Kestra's Input and its subclasses, old and new;
# declared in input_properties).
KEYS = every_key()
# Keys checked below in their own words (a choice's values, bounds read as the input's
# type, defaults parsed as a value); every other key is checked as its declaration says.
CHECKED_HERE = {"id", "name", "type", "required", "displayName", "values", "options", "itemType", "validator",
                "min", "max", "after", "before", "defaults", "dependsOn"}
CHOICES = ("ENUM", "SELECT", "MULTISELECT")
NUMBERS = ("INT", "FLOAT")
MOMENTS = ("DATE", "DATETIME", "TIME")
DEPENDS_ON_KEYS = ("inputs", "condition")


def normalise_inputs(inputs) -> tuple[list[dict], list[SpecError]]:
    """(normalised declarations, errors). Declarations with errors are left out."""
    if inputs is None:
        return [], []
    if not isinstance(inputs, list):
        return [], [SpecError("inputs", "must be a list of inputs", line_of(inputs))]
    normalised, errors, seen = [], [], {}
    for index, item in enumerate(inputs):
        path, line = f"inputs[{index}]", line_of(inputs, index)
        if not isinstance(item, dict):
            errors.append(SpecError(path, "an input must be a map with an id and a type", line))
            continue
        problems = _check_input(item, path, line)
        input_id = item.get("id", item.get("name"))
        if isinstance(input_id, str):
            if input_id in seen:
                key = "id" if "id" in item else "name"
                message = f"duplicate input id '{input_id}' (first at {seen[input_id]})"
                problems.append(SpecError(f"{path}.{key}", message, line_of(item, key)))
            else:
                seen[input_id] = path
        errors += problems
        if not problems:
            normalised.append(normalise_declaration(item))
    errors += _dependencies(inputs, seen)
    return normalised, errors


def _check_input(item: dict, path: str, line) -> list[SpecError]:
    key = "id" if item.get("id") is not None else "name"
    input_id = item.get(key)
    if input_id is None:
        return [SpecError(f"{path}.id", "required property missing", line)]
    problem = input_id_problem(input_id)
    if problem:
        return [SpecError(f"{path}.{key}", f"invalid input id: {problem}", line_of(item, key))]
    named = f"input '{input_id}'"
    decl = normalise_declaration(item)
    kind = decl["type"]
    if "type" not in item:
        return [SpecError(f"{path}.type", f"{named}: required property missing ({', '.join(TYPES)})", line)]
    if kind not in TYPES:
        return [SpecError(f"{path}.type", f"{named}: unknown type {item['type']!r}; one of {', '.join(TYPES)}",
                          line_of(item, "type"))]
    errors = []
    own = {prop.name: prop for prop in input_properties(kind)}
    for key in item:
        if key not in KEYS:
            errors.append(SpecError(f"{path}.{key}", f"{named}: unknown property '{key}'", line_of(item, key)))
        elif key not in CHECKED_HERE:
            prop = own.get(key) or any_type_property(key)
            errors += [SpecError(f"{path}.{key}{problem.sub}", f"{named}: {problem.message}",
                                 line_of(problem.container, problem.key) if problem.sub else line_of(item, key))
                       for problem in problems(prop, item[key])] if prop is not None else []

    def err(key, message):
        errors.append(SpecError(f"{path}.{key}", f"{named}: {message}", line_of(item, key) if key in item else line))

    def err_at(mapping, sub_path, key, message):
        errors.append(SpecError(f"{path}.{sub_path}", f"{named}: {message}", line_of(mapping, key)))

    if not isinstance(decl["required"], bool):
        err("required", "must be true or false")
    display = item.get("displayName")
    if display is not None and (not isinstance(display, str) or len(display) > MAX_DISPLAY_NAME):
        err("displayName", f"must be text of at most {MAX_DISPLAY_NAME} characters")
    if kind in CHOICES:
        values = item.get("values", item.get("options"))
        if values is None and not (kind != "ENUM" and item.get("expression")):
            err("values", f"a {kind} input needs a list of values")
        elif values is not None and (not isinstance(values, list) or any(isinstance(v, (dict, list)) for v in values)):
            err("values", "must be a list of values")
        if kind == "MULTISELECT" and "values" in item and "options" in item:
            err("options", "give `values` or the older `options`, not both")
    if kind in ("ARRAY", "MULTISELECT") and (kind == "ARRAY" or item.get("itemType") is not None):
        item_type = item.get("itemType")
        item_kind = decl_type(item_type)
        if item_type is None:
            err("itemType", "an ARRAY input needs an itemType")
        elif item_kind not in TYPES or item_kind in ("ARRAY", "MULTISELECT"):
            err("itemType", f"unknown or unsupported item type {item_type!r}")
    validator = item.get("validator")
    if validator is not None:
        if not isinstance(validator, str):
            err("validator", "must be a regular expression")
        else:
            try:
                java_regex.pattern(validator)
            except java_regex.InvalidPattern as exc:
                err("validator", f"invalid regular expression: {exc.reason}")
    _bounds(item, kind, err)
    if not errors:
        _check_defaults(item, decl, err)
    _check_depends_on(item, err, err_at)
    return errors


def decl_type(value) -> str | None:
    return value.strip().upper() if isinstance(value, str) else None


def _bounds(item, kind, err) -> None:
    for key in ("min", "max"):
        value = item.get(key)
        if value is None:
            continue
        if kind in NUMBERS and (isinstance(value, bool) or not isinstance(value, (int, float))):
            err(key, "must be a number")
        elif kind == "INT" and not (_integral(value) and LONG_MIN <= value <= LONG_MAX):
            err(key, f"must be an integer of 64 bits at most ({LONG_MIN} to {LONG_MAX}), not {value}")
        elif kind == "FLOAT" and not math.isfinite(value):
            err(key, f"must be a finite number, not {value}")
        if kind == "DURATION":
            try:
                parse_java_duration(value)
            except BadValue as exc:
                err(key, str(exc))
    for key in ("after", "before"):
        if item.get(key) is not None and kind in MOMENTS:
            try:
                parse_value({"type": kind}, item[key])
            except BadValue as exc:
                err(key, str(exc))


def _integral(value) -> bool:
    """An integer, or a float with nothing after the point (Jackson reads `10.0` as 10)."""
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _check_defaults(item, decl, err) -> None:
    """Literal defaults must read as their input's type, as Kestra's parser requires
    when the flow is saved. Constraints (values, validator, min...) apply only when a
    default is used, as in Kestra; FILE defaults and expressions are left to run time."""
    default = item.get("defaults")
    if default is None or decl["type"] == "FILE" or has_expression(default):
        return
    try:
        parse_value({"id": decl["id"], "type": decl["type"], "itemType": decl.get("itemType")}, default)
    except BadValue as exc:
        err("defaults", f"invalid default: {exc}")


def _check_depends_on(item, err, err_at) -> None:
    depends = item.get("dependsOn")
    if depends is None:
        return
    if not isinstance(depends, dict):
        err("dependsOn", "must be a map with `inputs` (a list of input ids) and an optional `condition`")
        return
    for key in depends:
        if key not in DEPENDS_ON_KEYS:
            err_at(depends, f"dependsOn.{key}", key, f"unknown property '{key}'; known: {', '.join(DEPENDS_ON_KEYS)}")
    if depends.get("inputs") is not None and (
            not isinstance(depends["inputs"], list) or not all(isinstance(i, str) for i in depends["inputs"])):
        err("dependsOn", "`inputs` must be a list of input ids")
    if depends.get("condition") is not None and not isinstance(depends["condition"], str):
        err("dependsOn", "`condition` must be an expression")


def _dependencies(inputs: list, known: dict) -> list[SpecError]:
    """Every `dependsOn` input exists and no input depends on itself through others."""
    graph, where = {}, {}
    for index, item in enumerate(inputs):
        if not isinstance(item, dict):
            continue
        input_id = item.get("id", item.get("name"))
        depends = item.get("dependsOn")
        deps = depends.get("inputs") if isinstance(depends, dict) else None
        if isinstance(input_id, str) and isinstance(deps, list):
            graph[input_id] = [d for d in deps if isinstance(d, str)]
            where[input_id] = (f"inputs[{index}].dependsOn", line_of(item, "dependsOn"))
    errors = []
    for input_id, deps in graph.items():
        path, line = where[input_id]
        for dep in deps:
            if dep not in known:
                errors.append(SpecError(path, f"input '{input_id}' depends on a non-existent input '{dep}'", line))
        cycle = _cycle(input_id, graph)
        if cycle:
            errors.append(SpecError(path, f"input '{input_id}' is in a dependency cycle: {' -> '.join(cycle)}", line))
    return errors


def _cycle(start: str, graph: dict) -> list[str] | None:
    path: list[str] = []

    def visit(node) -> list[str] | None:
        if node in path:
            return path[path.index(node):] + [node]
        path.append(node)
        for dep in graph.get(node, ()):
            found = visit(dep)
            if found:
                return found
        path.pop()
        return None

    found = visit(start)
    return found if found and found[0] == start else None
