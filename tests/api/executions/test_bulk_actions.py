"""Bulk actions (Kestra's ExecutionController `/executions/<action>/by-ids|by-query` and
`DELETE /executions/by-ids|by-query`): BulkResponse `{count}` of the executions acted
on; a by-query acts only in namespaces the user may write in."""
import pytest

from executions.models import Execution, ExecutionLabel
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    execution("a1", namespace="team.a", minutes=1)
    execution("a2", namespace="team.a", minutes=2, state="RUNNING")
    execution("b1", namespace="team.b", minutes=3)


def test_labels_by_ids_and_by_query(client, rows):
    body = {"executionsId": ["a1", "b1", "missing"], "executionLabels": [{"key": "k", "value": "v"}]}
    assert client.post("/api/v1/main/executions/labels/by-ids", body, format="json").json() == {"count": 2}
    assert set(ExecutionLabel.objects.filter(key="k").values_list("execution_id", flat=True)) == {"a1", "b1"}
    response = client.post("/api/v1/main/executions/labels/by-query?namespace=team.a",
                           [{"key": "q", "value": "1"}], format="json")
    assert response.json() == {"count": 1}  # a2 is running: labels are for ended executions
    assert_problem(client.post("/api/v1/main/executions/labels/by-ids", ["a1"], format="json"), 422)


def test_delete_by_ids_and_a_query_limited_to_writable_namespaces(client, alice, plain_user, rows):
    assert_problem(client.delete("/api/v1/main/executions/by-ids", {"ids": 1}, format="json"), 422)
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="team.b")
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.a")
    assert alice.delete("/api/v1/main/executions/by-query").json() == {"count": 1}
    assert set(Execution.objects.values_list("id", flat=True)) == {"a1", "a2"}
    assert client.delete("/api/v1/main/executions/by-ids", ["a1", "a2"], format="json").json() == {"count": 1}
    assert list(Execution.objects.values_list("id", flat=True)) == ["a2"]


def test_kill_and_restart_by_ids_count_what_their_state_allows(client, rows):
    assert client.delete("/api/v1/main/executions/kill/by-ids", ["a1", "a2"], format="json").json() == {"count": 1}
    assert Execution.objects.get(pk="a2").state in ("KILLING", "KILLED")
    assert client.post("/api/v1/main/executions/restart/by-query?namespace=team").json() == {"count": 0}
