"""GET /logs/search (Kestra's LogController.searchLogs: QueryFilter or the legacy
params q, namespace, flowId, triggerId, minLevel, startDate, endDate; answered as
{results, type, total, nextCursor})."""
import pytest

from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .conftest import write_lines

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    write_lines("e1")
    write_lines("e2", namespace="company.team", flow_id="etl")
    write_lines("e3", namespace="other")


def messages(response):
    assert response.status_code == 200, response.content
    return sorted(f"{row['executionId']}:{row['message']}" for row in response.json()["results"])


def test_it_pages_newest_first(client, many):
    body = client.get("/api/v1/main/logs/search?size=5").json()
    assert body["type"] == "OFFSET" and body["nextCursor"] is None and body["total"] == 12
    assert len(body["results"]) == 5
    assert body["results"][0]["timestamp"] >= body["results"][-1]["timestamp"]


def test_it_filters_with_query_filters(client, many):
    assert messages(client.get("/api/v1/main/logs/search?filters[level][GREATER_THAN_OR_EQUAL_TO]=WARN"
                               "&filters[namespace][PREFIX]=company&size=50")) == [
        "e1:careful", "e1:it broke", "e2:careful", "e2:it broke"]
    assert messages(client.get("/api/v1/main/logs/search?filters[q][EQUALS]=BROKE&filters[executionId][EQUALS]=e3")) \
        == ["e3:it broke"]
    assert messages(client.get("/api/v1/main/logs/search?filters[taskId][EQUALS]=bye&filters[flowId][EQUALS]=etl")) \
        == ["e2:it broke"]


def test_it_filters_with_legacy_params(client, many):
    assert messages(client.get("/api/v1/main/logs/search?namespace=company&minLevel=ERROR")) == [
        "e1:it broke", "e2:it broke"]
    assert messages(client.get("/api/v1/main/logs/search?startDate=2026-01-01T00:00:03Z&q=broke&size=50")) == [
        "e1:it broke", "e2:it broke", "e3:it broke"]
    assert messages(client.get("/api/v1/main/logs/search?endDate=2026-01-01T00:00:00.5Z&flowId=etl")) == [
        "e2:starting"]


def test_it_refuses_bad_filters(client, many):
    assert_problem(client.get("/api/v1/main/logs/search?filters[level][EQUALS]=LOUD"), 422)
    assert_problem(client.get("/api/v1/main/logs/search?startDate=yesterday"), 422)
    assert_problem(client.get("/api/v1/main/logs/search?sort=message:asc"), 422)


def test_it_shows_only_visible_namespaces(alice, plain_user, many):
    assert alice.get("/api/v1/main/logs/search").json()["total"] == 0
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company.team")
    body = alice.get("/api/v1/main/logs/search?size=50").json()
    assert body["total"] == 4 and {row["namespace"] for row in body["results"]} == {"company.team"}
