"""Bulk delete's `includeNonTerminated` (Kestra's ExecutionController#deleteExecutionsByIds
and #deleteExecutionsByQuery): by default an execution under way is left alone and not
counted; with includeNonTerminated=true it is deleted too."""
import json

import pytest

from executions.engine.create import create_execution
from executions.models import Execution
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: bulky
namespace: tests.api
tasks:
  - id: r
    type: io.kestra.plugin.core.debug.Return
    format: x
"""


def test_by_ids_keeps_executions_under_way_unless_asked(client):
    ended = run_flow(FLOW).execution
    waiting = create_execution(save(FLOW))
    ids = json.dumps([ended.id, waiting.id])
    answer = client.delete("/api/v1/main/executions/by-ids", ids, content_type="application/json").json()
    assert answer == {"count": 1}
    assert list(Execution.objects.values_list("id", flat=True)) == [waiting.id]
    answer = client.delete("/api/v1/main/executions/by-ids?includeNonTerminated=true", json.dumps([waiting.id]),
                           content_type="application/json").json()
    assert answer == {"count": 1} and not Execution.objects.exists()


def test_by_query_with_include_non_terminated(client):
    run_flow(FLOW)
    create_execution(save(FLOW))
    path = "/api/v1/main/executions/by-query?namespace=tests.api"
    assert client.delete(path).json() == {"count": 1}
    assert Execution.objects.get().state == "CREATED"
    assert client.delete(path + "&includeNonTerminated=true").json() == {"count": 1}
    assert not Execution.objects.exists()
    assert client.delete(path + "&includeNonTerminated=maybe").status_code == 422
