"""Input `defaults` are dynamic (Kestra 0.24+): an expression is rendered when the
input is not given, then parsed as the input's type; a given value wins."""
from datetime import date

import pytest

from flows.spec import InputInvalid
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: dynamic_defaults
    namespace: tests.core
    inputs:
      - id: day
        type: DATE
        defaults: "{{ now() | date('yyyy-MM-dd') }}"
      - id: size
        type: INT
        defaults: "{{ 40 + 2 }}"
      - id: label
        type: STRING
        defaults: "{{ flow.id }}-{{ inputs.size }}"
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.day }} {{ inputs.size + 1 }} {{ inputs.label }}"
"""


def test_expression_defaults_are_rendered_then_typed():
    run = run_flow(FLOW)
    assert run.state == "SUCCESS", run.logs()
    assert run.execution.inputs == {"day": date.today().isoformat(), "size": 42, "label": "dynamic_defaults-42"}


def test_a_given_value_wins_over_the_default():
    run = run_flow(FLOW, inputs={"size": "7", "day": "2024-01-31"})
    assert run.execution.inputs == {"day": "2024-01-31", "size": 7, "label": "dynamic_defaults-7"}


def test_a_default_rendering_to_a_bad_value_names_the_input():
    with pytest.raises(InputInvalid, match="Invalid input for `n`"):
        run_flow("""
            id: bad_dynamic_default
            namespace: tests.core
            inputs:
              - id: n
                type: INT
                defaults: "{{ 'abc' }}"
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.n }}"
        """)
