"""A Subflow's `revision` written as an expression: accepted when the flow is saved,
rendered and read as an integer at run time (Kestra's Subflow declares
`Property<Integer> revision`, rendered then converted by `runContext.render(...).as(Integer.class)`)."""
import textwrap

import pytest

from executions.models import Execution
from flows.spec.parse import validate_source
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

CHILD = """
    id: child
    namespace: tests.rev
    tasks:
      - id: say
        type: io.kestra.plugin.core.debug.Return
        format: "{{{{ flow.revision }}}} {word}"
"""

PARENT = """
    id: parent
    namespace: tests.rev
    inputs:
      - id: rev
        type: STRING
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: tests.rev
        flowId: child
        revision: "{{ inputs.rev }}"
"""


def test_validation_accepts_an_expression_for_the_revision():
    assert validate_source(textwrap.dedent(PARENT)) == []


def test_a_number_string_runs_that_revision():
    save(CHILD.format(word="first"))
    save(CHILD.format(word="second"))
    run = run_flow(PARENT, {"rev": "1"})
    assert run.state == "SUCCESS"
    child = Execution.objects.get(pk=run.one("call").outputs["executionId"])
    assert child.flow_revision == 1


def test_a_value_that_is_not_a_number_fails_the_task_naming_it():
    save(CHILD.format(word="only"))
    run = run_flow(PARENT, {"rev": "latest"})
    call = run.one("call")
    assert (run.state, call.state) == ("FAILED", "FAILED")
    assert "Invalid property 'revision' of task 'call': must be an integer, not 'latest'" in run.logs()
    assert not Execution.objects.filter(parent_id=run.execution.id).exists()


def test_a_revision_that_does_not_exist_fails_the_task_naming_it():
    save(CHILD.format(word="only"))
    run = run_flow(PARENT, {"rev": "7"})
    assert run.one("call").state == "FAILED"
    assert any("revision 7" in message for message in run.logs())
