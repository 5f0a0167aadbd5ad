"""The flow spec: Kestra flow YAML parsed, defaulted (pluginDefaults) and validated,
with errors that carry their path and YAML line; and typed input values."""
from .errors import FlowInvalid, InputInvalid, SpecError
from .flow_spec import FlowSpec
from .inputs import parse_inputs
from .parse import parse_flow, validate_source

__all__ = ["FlowInvalid", "FlowSpec", "InputInvalid", "SpecError", "parse_flow", "parse_inputs", "validate_source"]
