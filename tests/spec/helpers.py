"""Writing flows in tests: dedented, so line 1 is the first line of the YAML."""
import textwrap

import pytest

from flows.spec import FlowInvalid, SpecError, parse_flow, validate_source


def flow(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def parse(text: str):
    return parse_flow(flow(text))


def errors_of(text: str) -> list[SpecError]:
    return validate_source(flow(text))


def only_error(text: str) -> SpecError:
    errors = errors_of(text)
    assert len(errors) == 1, "\n".join(str(e) for e in errors)
    return errors[0]


def invalid(text: str) -> FlowInvalid:
    with pytest.raises(FlowInvalid) as caught:
        parse(text)
    return caught.value


def with_tasks(text: str) -> str:
    """A flow's head followed by one valid task."""
    return flow(text) + "tasks:\n  - id: t\n    type: test.spec.Echo\n    format: x\n"
