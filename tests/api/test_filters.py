"""Kestra's search filters (QueryFilter; contract §1): `filters[field][OP]=value`, CSV
lists, maps, OR/AND groups, and the plain parameters RequestUtils maps when no filters
are given (`namespace` a prefix); unknown fields and operations are 422 naming them."""
import pytest

from .conftest import assert_problem
from .factories import execution

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]

URL = "/api/v1/main/probe/executions/search"


@pytest.fixture(autouse=True)
def rows():
    execution("a1", "company", "a", "SUCCESS", 0, inputs={"env": "prod"})
    execution("a2", "company.team", "a", "FAILED", 10, inputs={"env": "dev"})
    execution("b1", "company.team", "b", "RUNNING", 20)
    execution("c1", "companyx", "c", "SUCCESS", 30)


def ids(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_it_filters_by_equality_and_lists(client):
    assert ids(client, "filters[flowId][EQUALS]=a") == ["a1", "a2"]
    assert ids(client, "filters[state][IN]=SUCCESS,FAILED") == ["a1", "a2", "c1"]
    assert ids(client, "filters[state][NOT_IN]=SUCCESS") == ["a2", "b1"]
    assert ids(client, "filters[flowId][EQUALS]=a&filters[state][EQUALS]=FAILED") == ["a2"]


def test_it_filters_by_namespace_prefix_on_boundaries(client):
    assert ids(client, "filters[namespace][PREFIX]=company") == ["a1", "a2", "b1"]
    assert ids(client, "filters[namespace][STARTS_WITH]=company") == ["a1", "a2", "b1", "c1"]
    assert ids(client, "namespace=company") == ["a1", "a2", "b1"]


def test_it_combines_or_groups_and_nested_groups(client):
    assert ids(client, "filters[or][0][flowId][EQUALS]=b&filters[or][1][namespace][EQUALS]=companyx") == ["b1", "c1"]
    nested = ("filters[namespace][PREFIX]=company&filters[and][0][or][0][state][EQUALS]=FAILED"
              "&filters[and][0][or][1][flowId][EQUALS]=b")
    assert ids(client, nested) == ["a2", "b1"]


def test_it_filters_a_map_field_per_key(client):
    assert ids(client, "filters[inputs][EQUALS][env]=prod") == ["a1"]
    assert ids(client, "filters[inputs][EQUALS]=env:dev") == ["a2"]
    assert ids(client, "filters[inputs][NOT_EQUALS][env]=prod") == ["a2", "b1", "c1"]
    assert_problem(client.get(f"{URL}?filters[inputs][EQUALS]=novalue"), 422)


def test_it_filters_dates(client):
    assert ids(client, "filters[startDate][GREATER_THAN_OR_EQUAL_TO]=2026-01-01T00:10:00Z") == ["a2", "b1", "c1"]
    assert ids(client, "startDate=2026-01-01T00:05:00%2B00:00&endDate=2026-01-01T00:20:00Z") == ["a2"]
    assert ids(client, "filters[startDate][LESS_THAN]=2026-01-01T00:10:00") == ["a1"]


def test_it_searches_text_with_q(client):
    assert ids(client, "q=TEAM") == ["a2", "b1"]
    assert ids(client, "filters[q][EQUALS]=companyx") == ["c1"]


def test_it_prefers_filters_over_plain_parameters(client):
    assert ids(client, "namespace=companyx&filters[flowId][EQUALS]=b") == ["b1"]


def test_it_rejects_an_unknown_field_naming_it(client):
    body = assert_problem(client.get(f"{URL}?filters[colour][EQUALS]=red"), 422)
    assert "colour" in body["detail"]
    assert body["errors"][0]["pointer"] == "filters[colour][EQUALS]"


def test_it_rejects_an_unknown_operation_naming_it(client):
    assert "LIKE" in assert_problem(client.get(f"{URL}?filters[flowId][LIKE]=a"), 422)["detail"]
    assert "GREATER_THAN" in assert_problem(client.get(f"{URL}?filters[flowId][GREATER_THAN]=a"), 422)["detail"]


def test_it_rejects_bad_values_naming_them(client):
    assert "NOPE" in assert_problem(client.get(f"{URL}?filters[state][IN]=SUCCESS,NOPE"), 422)["detail"]
    assert "yesterday" in assert_problem(client.get(f"{URL}?filters[startDate][EQUALS]=yesterday"), 422)["detail"]
    assert "2026-13-01" in assert_problem(client.get(f"{URL}?startDate=2026-13-01T00:00:00Z"), 422)["detail"]
    assert_problem(client.get(f"{URL}?filters[flowId][REGEX]=(unclosed"), 422)
    assert_problem(client.get(f"{URL}?filters[or][x][flowId][EQUALS]=a"), 422)
    assert_problem(client.get(f"{URL}?filters[flowId]=a"), 422)
