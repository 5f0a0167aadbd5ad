"""GET/DELETE /flows/{ns}/{id}/revisions and GET /flows/{ns}/{id}/tasks/{taskId}
(Kestra's FlowController revisions, deleteRevisions, flowTask)."""
import pytest

from flows.services import save_flow

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

URL = "/api/v1/main/flows/company.team/hello"


@pytest.fixture
def three_revisions():
    for message in ("one", "two", "three"):
        save_flow(flow_yaml(message=message))


def test_it_lists_every_revision_with_its_source(client, three_revisions):
    body = client.get(f"{URL}/revisions").json()
    assert [(r["revision"], r["tasks"][0]["message"]) for r in body] == [(1, "one"), (2, "two"), (3, "three")]
    assert body[0]["source"] == flow_yaml(message="one")
    assert_problem(client.get("/api/v1/main/flows/company.team/nope/revisions"), 404)


def test_it_deletes_older_revisions_only(client, three_revisions):
    assert_problem(client.delete(f"{URL}/revisions?revisions=3"), 422)
    assert_problem(client.delete(f"{URL}/revisions?revisions=9"), 404)
    assert_problem(client.delete(f"{URL}/revisions?revisions=x"), 422)
    assert client.delete(f"{URL}/revisions?revisions=1,2").status_code == 204
    assert [r["revision"] for r in client.get(f"{URL}/revisions").json()] == [3]


def test_it_reads_one_task(client, three_revisions):
    assert client.get(f"{URL}/tasks/log").json() == {"id": "log", "type": "io.kestra.plugin.core.log.Log",
                                                     "message": "three"}
    assert client.get(f"{URL}/tasks/log", {"revision": 1}).json()["message"] == "one"
    assert_problem(client.get(f"{URL}/tasks/nope"), 404)
