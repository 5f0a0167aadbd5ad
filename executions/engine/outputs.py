"""Flow-level outputs: rendered when the execution ends, then typed as Kestra types
them, with the parsers flow inputs use (an INT output of "abc" is refused with the
same words an INT input would be).

As in Kestra's executor, outputs are rendered for a FAILED execution too (a flow may
expose what it got before failing); a value that cannot be rendered or typed fails
the execution with "Failed to render output values: ..."."""
from __future__ import annotations

from flows.spec.input_types import BadValue, normalise_type, parse_value

# Final states whose execution gets its outputs; KILLED and CANCELLED stop short.
RENDERED_FOR = ("SUCCESS", "WARNING", "FAILED")


class OutputInvalid(ValueError):
    pass


def _typed(output: dict, rendered):
    kind = normalise_type(output.get("type")) or "STRING"
    if rendered is None or kind == "FILE":
        return rendered
    try:
        return parse_value({**output, "type": kind}, rendered)
    except BadValue as exc:
        raise OutputInvalid(f"Invalid output '{output['id']}': {exc}") from None


def render_flow_outputs(declared: list[dict], ctx) -> dict:
    """Output values by id; raises ExpressionError or OutputInvalid naming the output."""
    return {output["id"]: _typed(output, ctx.render(output.get("value"))) for output in declared}
