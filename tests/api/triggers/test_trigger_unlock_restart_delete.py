"""POST /triggers/{ns}/{flowId}/{triggerId}/unlock|restart, DELETE /triggers/{ns}/{flowId}/{triggerId}
and their bulk forms (Kestra's TriggerController#unlockTrigger: a trigger that is not
locked is refused, bulk unlock skips it; restartTrigger forgets the evaluation)."""
import pytest
from django.utils import timezone

from executions.models import TriggerState
from kestraweb.models import RoleBinding
from tests.api.conftest import assert_problem

from .conftest import key

pytestmark = pytest.mark.django_db
URL = "/api/v1/main/triggers/company.team/nightly/hourly"


def lock(state, execution_id="exec1"):
    TriggerState.objects.filter(pk=state.pk).update(execution_id=execution_id)


def test_it_unlocks_a_locked_trigger(client, states):
    lock(states[1])
    body = client.post(f"{URL}/unlock").json()
    assert body["triggerId"] == "hourly" and body["executionId"] is None and body["locked"] is False
    assert TriggerState.objects.get(pk=states[1].pk).execution_id is None


def test_it_refuses_to_unlock_a_free_trigger(client, states):
    assert_problem(client.post(f"{URL}/unlock"), 409)


def test_it_answers_404_for_an_unknown_trigger(client, states):
    assert_problem(client.post("/api/v1/main/triggers/company.team/nightly/nope/unlock"), 404)


def test_it_unlocks_in_bulk_and_counts_only_the_locked(client, states):
    lock(states[0])
    lock(states[2], "exec2")
    body = client.post("/api/v1/main/triggers/unlock/by-triggers", [key(s) for s in states], format="json").json()
    assert body == {"count": 2}
    assert not TriggerState.objects.filter(execution_id__isnull=False).exists()


def test_it_unlocks_by_query(client, states):
    lock(states[0])
    lock(states[2], "exec2")
    body = client.post("/api/v1/main/triggers/unlock/by-query?filters[namespace][EQUALS]=other").json()
    assert body == {"count": 1}
    assert TriggerState.objects.get(pk=states[0].pk).execution_id == "exec1"


def test_restart_forgets_the_evaluation(client, states):
    TriggerState.objects.filter(pk=states[1].pk).update(evaluating_since=timezone.now())
    body = client.post(f"{URL}/restart").json()
    assert body["evaluateRunningDate"] is None
    assert TriggerState.objects.get(pk=states[1].pk).evaluating_since is None


def test_it_deletes_a_trigger_state(client, states):
    assert client.delete(URL).status_code == 204
    assert not TriggerState.objects.filter(pk=states[1].pk).exists()


def test_it_deletes_by_triggers_and_by_query(client, states):
    body = client.delete("/api/v1/main/triggers/delete/by-triggers", [key(states[0])], format="json").json()
    assert body == {"count": 1}
    body = client.delete("/api/v1/main/triggers/delete/by-query",
                         {"filters": [{"field": "namespace", "operation": "EQUALS", "value": "other"}]},
                         format="json").json()
    assert body == {"count": 2}
    assert list(TriggerState.objects.values_list("trigger_id", flat=True)) == ["hourly"]


def test_a_viewer_cannot_change_a_trigger(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    lock(states[1])
    assert_problem(alice.post(f"{URL}/unlock"), 403)
    assert_problem(alice.delete(URL), 403)
    assert_problem(alice.post("/api/v1/main/triggers/unlock/by-triggers", [key(states[1])], format="json"), 403)
    assert alice.post("/api/v1/main/triggers/unlock/by-query").json() == {"count": 0}
    assert TriggerState.objects.get(pk=states[1].pk).execution_id == "exec1"


def test_an_editor_unlocks_in_their_namespace(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company")
    lock(states[1])
    assert alice.post(f"{URL}/unlock").status_code == 200


def test_bad_bodies_are_422(client, states):
    assert_problem(client.post("/api/v1/main/triggers/unlock/by-triggers", {"a": 1}, format="json"), 422)
    assert_problem(client.post("/api/v1/main/triggers/unlock/by-triggers", [{"namespace": "x"}], format="json"), 422)
    assert_problem(client.delete("/api/v1/main/triggers/delete/by-query", {"filters": "x"}, format="json"), 422)
