"""`GET /executions/distinct-field-values?field&size` and `GET /executions/export/by-query/csv`
(kestrapy's find_distinct_execution_field_values and export_executions_by_query_to_csv):
both take the search's filters and see only the namespaces the user may read; the CSV
has a header line and one line per execution, newest first."""
import csv
import io

import pytest

from executions.models import ExecutionLabel
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def executions():
    labels = {"x1": "prod", "x2": "prod", "x3": "dev", "x4": "prod"}
    made = [execution("x1", "team.a", "one", minutes=1), execution("x2", "team.a", "two", minutes=2, state="FAILED"),
            execution("x3", "team.a.sub", "one", minutes=3), execution("x4", "team.b", "one", minutes=4)]
    for row in made:
        row.labels = [{"key": "env", "value": labels[row.id]}]
        row.save()
    return made


def test_distinct_values_by_field_with_filters_and_access(client, alice, plain_user, executions):
    url = "/api/v1/main/executions/distinct-field-values"
    assert client.get(url, {"field": "NAMESPACE"}).json() == ["team.a", "team.a.sub", "team.b"]
    assert client.get(url, {"field": "FLOW_ID"}).json() == ["one", "two"]  # most frequent first
    assert client.get(url, {"field": "flowId", "size": 1}).json() == ["one"]
    assert client.get(url, {"field": "STATE", "namespace": "team.a"}).json() == ["SUCCESS", "FAILED"]
    assert client.get(url, {"field": "LABELS"}).json() == ["env:prod", "env:dev"]
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.b")
    assert alice.get(url, {"field": "NAMESPACE"}).json() == ["team.b"]
    assert alice.get(url, {"field": "LABELS"}).json() == ["env:prod"]
    assert [e["pointer"] for e in assert_problem(client.get(url, {"field": "COLOUR"}), 422)["errors"]] == ["field"]
    assert_problem(client.get(url), 422)
    assert_problem(client.get(url, {"field": "NAMESPACE", "size": 0}), 422)


def test_distinct_values_through_kestrapy(kestra_client, executions):
    assert kestra_client.executions.find_distinct_execution_field_values("main", "NAMESPACE", size=2) == [
        "team.a", "team.a.sub"]


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_export_takes_filters_and_access(client, alice, plain_user, executions):
    url = "/api/v1/main/executions/export/by-query/csv"
    response = client.get(url, {"namespace": "team.a"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _rows(b"".join(response).decode())
    assert [(r["id"], r["namespace"], r["flowId"], r["state"], r["labels"]) for r in rows] == [
        ("x3", "team.a.sub", "one", "SUCCESS", "env:dev"), ("x2", "team.a", "two", "FAILED", "env:prod"),
        ("x1", "team.a", "one", "SUCCESS", "env:prod")]
    assert rows[0]["flowRevision"] == "1"
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.b")
    mine = _rows(b"".join(alice.get(url)).decode())
    assert [r["id"] for r in mine] == ["x4"]
    assert_problem(client.get(url, {"filters[state][EQUALS]": "SLEEPY"}), 422)


def test_csv_export_through_kestrapy(kestra_client, executions):
    text = kestra_client.executions.export_executions_by_query_to_csv("main")
    assert [r["id"] for r in _rows(text)] == ["x4", "x3", "x2", "x1"]
    assert ExecutionLabel.objects.count() == 4
