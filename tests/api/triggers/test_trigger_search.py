"""GET /api/v1/{tenant}/triggers/search and /triggers/{namespace}/{flowId} (Kestra's
TriggerController#searchTriggers: each result a {triggerContext, abstractTrigger}
pair, paged {results, total}; searchTriggersForFlow: the flow's trigger contexts)."""
import pytest

from kestraweb.models import RoleBinding

pytestmark = pytest.mark.django_db


def test_it_finds_triggers_with_their_definition(client, states):
    body = client.get("/api/v1/main/triggers/search", {"filters[namespace][PREFIX]": "company"}).json()
    assert body["total"] == 2
    first = body["results"][0]
    assert first["triggerContext"]["triggerId"] == "daily"
    assert first["abstractTrigger"]["cron"] == "0 6 * * *"
    assert first["abstractTrigger"]["type"] == "io.kestra.plugin.core.trigger.Schedule"
    assert first["flowId"] == "nightly" and first["disabled"] is False
    assert first["nextExecutionDate"] is not None and first["backfill"] is None


def test_it_filters_by_trigger_id_and_plain_params(client, states):
    body = client.get("/api/v1/main/triggers/search", {"filters[triggerId][EQUALS]": "hourly"}).json()
    assert {(r["namespace"], r["triggerId"]) for r in body["results"]} == {("company.team", "hourly"),
                                                                            ("other", "hourly")}
    body = client.get("/api/v1/triggers/search", {"namespace": "other", "q": "dai"}).json()
    assert [(r["namespace"], r["triggerId"]) for r in body["results"]] == [("other", "daily")]


def test_it_pages_and_sorts(client, states):
    body = client.get("/api/v1/main/triggers/search", {"size": 3, "page": 2,
                                                         "sort": ["namespace:desc", "triggerId:asc"]}).json()
    assert body["total"] == 4
    assert [(r["namespace"], r["triggerId"]) for r in body["results"]] == [("company.team", "hourly")]


def test_it_hides_namespaces_the_user_cannot_see(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="other")
    body = alice.get("/api/v1/main/triggers/search").json()
    assert body["total"] == 2 and {r["namespace"] for r in body["results"]} == {"other"}


def test_it_lists_the_triggers_of_one_flow(client, states):
    body = client.get("/api/v1/main/triggers/company.team/nightly").json()
    assert body["total"] == 2 and [r["triggerId"] for r in body["results"]] == ["daily", "hourly"]


def test_it_refuses_a_flow_list_of_an_invisible_namespace(alice, states):
    from tests.api.conftest import assert_problem
    assert_problem(alice.get("/api/v1/main/triggers/company.team/nightly"), 403)


def test_it_answers_422_for_an_unknown_filter_or_sort(client, states):
    from tests.api.conftest import assert_problem
    assert_problem(client.get("/api/v1/main/triggers/search", {"filters[state][EQUALS]": "x"}), 422)
    assert_problem(client.get("/api/v1/main/triggers/search", {"sort": "nope:asc"}), 422)
    assert_problem(client.get("/api/v1/main/triggers/search", {"dateFilter": "SOMETIME"}), 422)
