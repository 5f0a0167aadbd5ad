"""GET /executions/search and GET /executions?namespace&flowId (Kestra's
ExecutionController#searchExecutions, #searchExecutionsByFlowId): filters (plain and
`filters[...]`), labels through the ExecutionLabel rows, paging sorted by
state.startDate, only visible namespaces, taskruns without a query per row."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from executions.models import Execution, TaskRun
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db
SEARCH = "/api/v1/main/executions/search"


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def rows():
    execution("e1", minutes=1, labels=[{"key": "env", "value": "prod"}])
    execution("e2", minutes=2, state="FAILED", labels=[{"key": "env", "value": "dev"}])
    execution("e3", namespace="company.team", flow_id="other", minutes=3, labels=[{"key": "team", "value": "a"}])
    execution("e4", namespace="secret", minutes=4)
    execution("e5", minutes=5, parent_id="e1", state="RUNNING")


def test_it_filters_by_namespace_flow_state_labels_and_dates(client, rows):
    assert ids(client.get(SEARCH)) == ["e5", "e4", "e3", "e2", "e1"]
    assert ids(client.get(SEARCH, {"namespace": "company"})) == ["e5", "e3", "e2", "e1"]
    assert ids(client.get(SEARCH, {"flowId": "other"})) == ["e3"]
    assert ids(client.get(SEARCH, {"state": ["FAILED", "RUNNING"]})) == ["e5", "e2"]
    assert ids(client.get(SEARCH, {"labels": "env:prod"})) == ["e1"]
    assert ids(client.get(SEARCH + "?filters[labels][EQUALS][env]=dev")) == ["e2"]
    assert ids(client.get(SEARCH + "?filters[labels][NOT_EQUALS][env]=dev")) == ["e5", "e4", "e3", "e1"]
    assert ids(client.get(SEARCH, {"startDate": "2026-01-01T00:03:00Z"})) == ["e5", "e4", "e3"]
    assert ids(client.get(SEARCH + "?filters[childFilter][EQUALS]=CHILD")) == ["e5"]
    assert ids(client.get(SEARCH + "?filters[executionId][EQUALS]=e2")) == ["e2"]
    assert ids(client.get(SEARCH, {"q": "team"})) == ["e3"]
    assert ids(client.get(SEARCH, {"sort": "state.startDate:asc", "size": 2, "page": 2})) == ["e3", "e4"]
    assert client.get(SEARCH, {"size": 2}).json()["total"] == 5


def test_it_refuses_bad_filters(client, rows):
    assert_problem(client.get(SEARCH, {"state": "SLEEPING"}), 422)
    assert_problem(client.get(SEARCH, {"sort": "nope:asc"}), 422)
    assert_problem(client.get(SEARCH + "?filters[childFilter][EQUALS]=BOTH"), 422)
    assert_problem(client.get(SEARCH, {"startDate": "yesterday"}), 422)


def test_it_lists_the_executions_of_one_flow(client, rows):
    response = client.get("/api/v1/main/executions", {"namespace": "company", "flowId": "hello"})
    assert ids(response) == ["e5", "e2", "e1"] and response.json()["total"] == 3
    assert_problem(client.get("/api/v1/main/executions", {"namespace": "company"}), 422)


def test_it_shows_only_visible_namespaces(alice, plain_user, rows):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="secret")
    assert ids(alice.get(SEARCH)) == ["e4"]
    assert_problem(alice.get("/api/v1/main/executions", {"namespace": "company", "flowId": "hello"}), 403)
    assert_problem(alice.get("/api/v1/main/executions/e1"), 403)


def test_it_reads_taskruns_in_one_query_for_the_page(client, rows):
    for index, execution_id in enumerate(["e1", "e2", "e3"]):
        TaskRun.objects.create(id=f"t{index}", execution_id=execution_id, seq=0, task_id="say",
                               outputs={"value": index})
    client.get(SEARCH)  # authentication's first queries are cached after this
    with CaptureQueriesContext(connection) as queries:
        body = client.get(SEARCH, {"size": 3, "sort": "state.startDate:asc"}).json()
    taskrun_queries = [q for q in queries.captured_queries if "executions_taskrun" in q["sql"]]
    assert len(taskrun_queries) == 1
    assert [row["taskRunList"][0]["outputs"] for row in body["results"]] == [{"value": 0}, {"value": 1}, {"value": 2}]


def test_it_gets_one_execution_or_404(client, rows):
    body = client.get("/api/v1/main/executions/e2").json()
    assert body["id"] == "e2" and body["state"]["current"] == "FAILED"
    assert body["metadata"]["originalCreatedDate"] and body["originalId"] == "e2" and body["deleted"] is False
    assert_problem(client.get("/api/v1/main/executions/missing"), 404)
    assert client.get("/api/v1/executions/e2").json()["id"] == "e2"  # the tenant-less alias
    assert Execution.objects.count() == 5


def test_a_namespace_without_children_is_searched_as_itself_alone(client, rows):
    """The namespace filter takes child namespaces too (company -> company.team). Where
    none has an execution, the page is read as `namespace = x`, which the (namespace,
    start date) index serves in order: same rows, no sort of the whole namespace."""
    def page_query(namespace):
        with CaptureQueriesContext(connection) as queries:
            found = ids(client.get(SEARCH, {"namespace": namespace}))
        page = next(q["sql"] for q in queries.captured_queries if 'AS "pk"' in q["sql"])
        return found, page

    found, sql = page_query("company.team")
    assert found == ["e3"] and "'company.team/'" not in sql  # the children's range's upper bound
    found, sql = page_query("company")
    assert found == ["e5", "e3", "e2", "e1"] and "'company/'" in sql
