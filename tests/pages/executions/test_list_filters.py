"""The list's filters: namespace (with its children), flow, states, start date range,
labels; a filter the search refuses is said on the page, never a 500."""
import pytest

from .conftest import execution

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    execution("a1", namespace="company.team", flow_id="hello", state="SUCCESS", minutes=1,
              labels=[{"key": "env", "value": "prod"}])
    execution("a2", namespace="company.team.sub", flow_id="other", state="FAILED", minutes=2)
    execution("a3", namespace="company2", flow_id="hello", state="RUNNING", minutes=3,
              labels=[{"key": "env", "value": "dev"}])
    execution("a4", namespace="company.team", flow_id="hello", state="KILLED", minutes=60)


def ids(response) -> list[str]:
    return [e.id for e in response.context["executions"]]


def test_it_lists_newest_first_without_filters(admin_client, rows):
    assert ids(admin_client.get("/ui/executions")) == ["a4", "a3", "a2", "a1"]


def test_it_filters_by_namespace_and_its_children(admin_client, rows):
    assert ids(admin_client.get("/ui/executions", {"namespace": "company.team"})) == ["a4", "a2", "a1"]


def test_it_filters_by_flow(admin_client, rows):
    assert ids(admin_client.get("/ui/executions", {"flowId": "hello"})) == ["a4", "a3", "a1"]


def test_it_filters_by_several_states(admin_client, rows):
    response = admin_client.get("/ui/executions", {"state": ["FAILED", "RUNNING"]})
    assert ids(response) == ["a3", "a2"]
    assert 'value="FAILED" selected' in response.content.decode()


def test_it_filters_by_start_date_range(admin_client, rows):
    response = admin_client.get("/ui/executions", {"startDate": "2026-01-01T00:01:30+00:00",
                                                   "endDate": "2026-01-01T00:30:00+00:00"})
    assert ids(response) == ["a3", "a2"]


def test_it_filters_by_labels(admin_client, rows):
    assert ids(admin_client.get("/ui/executions", {"labels": "env:prod"})) == ["a1"]
    assert ids(admin_client.get("/ui/executions", {"labels": "env:dev env:prod"})) == []


def test_a_bad_filter_is_said_not_a_500(admin_client, rows):
    response = admin_client.get("/ui/executions", {"startDate": "yesterday-ish"})
    assert response.status_code == 200
    assert "startDate" in response.context["error"] and ids(response) == []
    response = admin_client.get("/ui/executions", {"labels": "nocolon"})
    assert response.status_code == 200 and "labels" in response.context["error"]
    response = admin_client.get("/ui/executions", {"state": "SLEEPING"})
    assert response.status_code == 200 and "SLEEPING" in response.context["error"]
