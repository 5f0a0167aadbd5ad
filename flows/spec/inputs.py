"""Typed input values: what arrives as text (command line, forms) or JSON (API) is
parsed per the input's declared type before an execution exists, so a bad value
creates nothing and the error names the input.

As Kestra does: a missing value takes the input's `defaults` (parsed like a given
value); a required input (the default) with neither is an error; an optional one is
None; values for undeclared ids are ignored; an input whose `dependsOn` inputs are
disabled, or whose `dependsOn.condition` is false, is left out.

Defaults are dynamic, as in Kestra 0.24 and later: `defaults: "{{ now() | date('yyyy-MM-dd') }}"`
is rendered (with the values of the inputs before it) when the input is not given,
then parsed like a given value."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .errors import InputInvalid
from .input_types import BadValue, is_no_value, normalise_type, parse_value
from .input_values import ConstraintFailed, java_text
from .property_types import has_expression

SHOWN_LIMIT = 200  # characters of a received value an error quotes


def normalise_declaration(item: dict) -> dict:
    """A declaration in today's names: `id` (older flows say `name`), an upper-case
    canonical `type` (`BOOL` is `BOOLEAN`), `required` defaulting to true."""
    decl = dict(item)
    if decl.get("id") is None and "name" in decl:
        decl["id"] = decl.pop("name")
    decl["type"] = normalise_type(decl.get("type", "STRING")) or decl.get("type")
    if decl.get("required") is None:
        decl["required"] = True
    return decl


def nest_dotted(values: Mapping[str, Any]) -> dict:
    """Input values keyed by id to the map expressions see: Kestra nests dotted ids,
    so `{"db.host": "x"}` is read as `inputs.db.host`."""
    nested: dict = {}
    for key, value in values.items():
        parts = str(key).split(".")
        here = nested
        for part in parts[:-1]:
            child = here.get(part)
            if not isinstance(child, dict):
                child = here[part] = {}
            here = child
        if isinstance(here.get(parts[-1]), dict) and isinstance(value, dict):
            here[parts[-1]].update(value)
        else:
            here[parts[-1]] = value
    return nested


def _depends_on(decl: dict) -> tuple[list[str], str | None]:
    depends = decl.get("dependsOn")
    if not isinstance(depends, dict):
        return [], None
    ids = [i for i in depends.get("inputs") or [] if isinstance(i, str) and i != decl.get("id")]
    condition = depends.get("condition")
    return ids, condition if isinstance(condition, str) and condition.strip() else None


def invalid_input(input_id: str, problem: str) -> str:
    """An input's error as Kestra words it (Input#toConstraintViolationException)."""
    return f"Invalid input for `{input_id}`, {problem}"


def received(decl: dict, value) -> str:
    """`, but received `...``, as Kestra ends an input's error; a SECRET's value is
    never shown."""
    if decl.get("type") == "SECRET" and value is not None:
        return ", but received `******`"
    text = java_text(value)
    text = text if len(text) <= SHOWN_LIMIT else text[:SHOWN_LIMIT] + "..."
    return f", but received `{text}`"


def _is_true(result) -> bool:
    return result is True or (isinstance(result, str) and result.strip().lower() == "true")


def parse_inputs(declared: list[dict], given: Mapping[str, Any] | None, files: Mapping | None = None,
                 condition: Callable[[str, dict], Any] | None = None,
                 render: Callable[[Any, dict], Any] | None = None) -> dict:
    """Values by input id, parsed to their types, in declaration order.

    `files` holds FILE inputs (a local path, a kestra:// URI or an uploaded file object).
    `condition(expression, inputs)` renders a `dependsOn.condition` with the values of
    the inputs it depends on (nested by dotted id); without it, conditions are not
    evaluated and every input is enabled.
    `render(value, inputs)` renders a default holding an expression; without it such a
    default is parsed as it is written.
    Raises InputInvalid naming every bad input."""
    decls, values, enabled, errors = check_inputs(declared, given, files, condition, render)
    if errors:
        raise InputInvalid(errors)
    return {d["id"]: values[d["id"]] for d in decls if enabled.get(d["id"]) and d["id"] in values}


def check_inputs(declared: list[dict], given: Mapping[str, Any] | None, files: Mapping | None = None,
                 condition: Callable[[str, dict], Any] | None = None,
                 render: Callable[[Any, dict], Any] | None = None,
                 ) -> tuple[list[dict], dict[str, Any], dict[str, bool], list[tuple[str, str]]]:
    """parse_inputs without raising: (declarations, values parsed, enabled by input id,
    (input id, message) errors), for a validation that answers each input's outcome
    (Kestra's validateExecutionInputs)."""
    values_given = dict(given or {})
    values_given.update(files or {})
    decls = [normalise_declaration(d) for d in declared or [] if isinstance(d, dict)]
    by_id = {d.get("id"): d for d in decls}
    values: dict[str, Any] = {}
    enabled: dict[str, bool] = {}
    errors: list[tuple[str, str]] = []

    def resolve(decl: dict) -> None:
        input_id = decl.get("id")
        if input_id in enabled:
            return
        enabled[input_id] = True  # provisional: a dependency cycle stops here
        depends, expression = _depends_on(decl)
        for dep in depends:
            if dep in by_id:
                resolve(by_id[dep])
        on = all(enabled.get(dep, True) for dep in depends if dep in by_id)
        if on and expression and condition is not None:
            try:
                on = _is_true(condition(expression, nest_dotted({d: values.get(d) for d in depends if d in values})))
            except Exception as exc:  # noqa: BLE001 - a broken condition is this input's error
                errors.append((input_id, invalid_input(input_id, f"Invalid condition: {exc}")))
                on = False
        enabled[input_id] = on
        if not on:
            return
        raw = values_given.get(input_id)
        if is_no_value(decl, raw):
            raw = decl.get("defaults")
            if render is not None and has_expression(raw):
                try:
                    raw = render(raw, nest_dotted(values))
                except Exception as exc:  # noqa: BLE001 - a default that cannot render is this input's error
                    errors.append((input_id, invalid_input(input_id, f"invalid default: {exc}")))
                    return
        if is_no_value(decl, raw):
            if decl.get("required", True):
                errors.append((input_id, invalid_input(input_id, "missing required input" + received(decl, None))))
            values[input_id] = None
            return
        try:
            values[input_id] = parse_value(decl, raw)
        except ConstraintFailed as exc:
            errors.append((input_id, invalid_input(input_id, f"{exc}{received(decl, raw)}")))
        except BadValue as exc:
            errors.append((input_id, invalid_input(input_id, str(exc))))

    for decl in decls:
        resolve(decl)
    return decls, values, enabled, errors
