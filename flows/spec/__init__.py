"""The flow spec: Kestra flow YAML parsed, defaulted (pluginDefaults) and validated,
with errors that carry their path and YAML line; and typed input values.

    spec = parse_flow(text)             # FlowSpec, or FlowInvalid listing every problem
    problems = validate_source(text)    # the same problems, without raising
    values = parse_inputs(spec.inputs, {"count": "41"})   # or InputInvalid
"""
from .errors import FlowInvalid, InputInvalid, SpecError
from .flow_spec import FlowSpec
from .inputs import nest_dotted, normalise_declaration, parse_inputs
from .parse import parse_flow, validate_source

__all__ = ["FlowInvalid", "FlowSpec", "InputInvalid", "SpecError", "nest_dotted", "normalise_declaration",
           "parse_flow", "parse_inputs", "validate_source"]
