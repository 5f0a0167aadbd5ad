"""DELETE /flows/delete/by-ids|by-query and POST /flows/enable|disable/by-ids|by-query
(Kestra's FlowController): a BulkResponse {count}; disabling writes `disabled: true`
into the source (a new revision), as Kestra's FlowService does; a viewer gets 403."""
import pytest

from flows.models import Flow
from flows.services import save_flow
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

IDS = [{"namespace": "company.team", "id": "a", "additional_properties": {}}]


@pytest.fixture
def flows():
    save_flow(flow_yaml("a", "company.team"))
    save_flow(flow_yaml("b", "company.team", extra="disabled: false\n"))
    save_flow(flow_yaml("c", "other"))


def test_it_disables_and_enables_by_ids_and_by_query(client, flows):
    assert client.post("/api/v1/main/flows/disable/by-ids", IDS, format="json").json() == {"count": 1}
    a = Flow.objects.get(flow_id="a")
    assert (a.disabled, a.revision) == (True, 2) and "disabled: true" in a.source
    response = client.post("/api/v1/main/flows/disable/by-query?namespace=company")
    assert response.json() == {"count": 2}
    b = Flow.objects.get(flow_id="b")
    assert b.disabled and b.source.count("disabled:") == 1
    client.post("/api/v1/main/flows/enable/by-query?namespace=company")
    assert not Flow.objects.filter(disabled=True).exists()


def test_it_deletes_by_ids_and_by_query(client, flows):
    assert client.delete("/api/v1/main/flows/delete/by-ids", IDS, format="json").json() == {"count": 1}
    assert client.delete("/api/v1/main/flows/delete/by-query?namespace=other").json() == {"count": 1}
    assert list(Flow.objects.filter(deleted=False).values_list("flow_id", flat=True)) == ["b"]
    assert_problem(client.delete("/api/v1/main/flows/delete/by-ids", [{"id": "a"}], format="json"), 422)


def test_a_viewer_cannot_switch_or_delete(alice, plain_user, flows):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.post("/api/v1/main/flows/disable/by-ids", IDS, format="json"), 403)
    assert_problem(alice.post("/api/v1/main/flows/disable/by-query"), 403)
    assert_problem(alice.delete("/api/v1/main/flows/delete/by-query"), 403)
    assert not Flow.objects.filter(disabled=True).exists() and not Flow.objects.filter(deleted=True).exists()


def test_a_flow_style_source_is_switched_too(client):
    save_flow('{id: inline, namespace: company.team, tasks: [{id: log, type: io.kestra.plugin.core.log.Log, '
              'message: hi}]}')
    ids = [{"namespace": "company.team", "id": "inline"}]
    assert client.post("/api/v1/main/flows/disable/by-ids", ids, format="json").json() == {"count": 1}
    assert Flow.objects.get(flow_id="inline").disabled
