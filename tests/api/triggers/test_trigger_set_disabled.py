"""PUT /triggers/set-disabled, POST /triggers/set-disabled/by-triggers|by-query (Kestra's
TriggerController#setTriggerDisabled: the flag the scheduler reads before firing)."""
import pytest

from executions.models import TriggerState
from kestraweb.models import RoleBinding
from tests.api.conftest import assert_problem

from .conftest import key

pytestmark = pytest.mark.django_db


def disabled():
    return set(TriggerState.objects.filter(disabled=True).values_list("namespace", "trigger_id"))


def test_it_disables_and_enables_one_trigger(client, states):
    body = client.put("/api/v1/main/triggers/set-disabled", {**key(states[1]), "disabled": True}, format="json").json()
    assert body["disabled"] is True
    assert disabled() == {("company.team", "hourly")}
    client.put("/api/v1/main/triggers/set-disabled", {"trigger": key(states[1]), "disabled": False}, format="json")
    assert disabled() == set()


def test_it_disables_by_triggers(client, states):
    body = client.post("/api/v1/main/triggers/set-disabled/by-triggers",
                       {"triggers": [key(states[0]), key(states[2])], "disabled": True}, format="json").json()
    assert body == {"count": 2}
    assert disabled() == {("company.team", "daily"), ("other", "daily")}


def test_it_disables_by_query(client, states):
    body = client.post("/api/v1/main/triggers/set-disabled/by-query?disabled=true"
                       "&filters[triggerId][EQUALS]=hourly").json()
    assert body == {"count": 2}
    assert disabled() == {("company.team", "hourly"), ("other", "hourly")}


def test_a_viewer_cannot_disable(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.put("/api/v1/main/triggers/set-disabled", {**key(states[1]), "disabled": True},
                             format="json"), 403)
    assert disabled() == set()


def test_bad_requests_are_named(client, states):
    assert_problem(client.put("/api/v1/main/triggers/set-disabled", {**key(states[1]), "disabled": "yes"},
                              format="json"), 422)
    assert_problem(client.put("/api/v1/main/triggers/set-disabled", {"disabled": True}, format="json"), 422)
    assert_problem(client.post("/api/v1/main/triggers/set-disabled/by-query?disabled=maybe"), 422)
    assert_problem(client.put("/api/v1/main/triggers/set-disabled",
                              {"namespace": "company.team", "flowId": "nightly", "triggerId": "nope",
                               "disabled": True}, format="json"), 404)
