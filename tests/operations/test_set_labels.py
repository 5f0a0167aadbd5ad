"""Setting labels as Kestra does: given labels are added or updated, the others stay,
system labels are the engine's own."""
import pytest

from executions import operations
from executions.models import Execution
from tests.flow_runs import run_flow, user_labels

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
    id: labelled
    namespace: tests.labels
    labels:
      team: data
      tier: gold
    tasks:
      - id: r
        type: io.kestra.plugin.core.debug.Return
        format: x
"""


def test_it_adds_and_updates_and_keeps_the_others():
    run = run_flow(FLOW)
    operations.set_labels(run.execution.id, {"tier": "silver", "owner": "ada"})
    labels = user_labels(Execution.objects.get(pk=run.execution.id).labels)
    assert labels == [{"key": "team", "value": "data"}, {"key": "tier", "value": "silver"},
                      {"key": "owner", "value": "ada"}]


def test_it_refuses_to_set_a_system_label():
    run = run_flow(FLOW)
    with pytest.raises(operations.OperationRefused):
        operations.set_labels(run.execution.id, {"system.restarted": "true"})
    assert user_labels(Execution.objects.get(pk=run.execution.id).labels) == [{"key": "team", "value": "data"},
                                                                  {"key": "tier", "value": "gold"}]
