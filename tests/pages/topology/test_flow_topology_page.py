"""A flow's Topology tab: its tasks as nested boxes, for whoever may read its namespace."""
import pytest

from tests.flow_runs import save
from tests.pages.conftest import grant

from .flows import NESTED

pytestmark = pytest.mark.django_db
URL = "/ui/flows/edit/company.team/nested/topology"


def test_it_draws_the_flowables_around_their_children(admin_client):
    save(NESTED)
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    cluster = html.index('class="topology-cluster" data-task-id="p"')
    inner = html.index('class="topology-cluster" data-task-id="s"')
    assert cluster < inner < html.index('data-task-id="c"') < html.index('data-task-id="last"')
    assert "topology-side-by-side" in html
    assert ">errors<" in html and ">finally<" in html and "hourly" in html
    assert 'aria-current="page">Topology' in html


def test_it_answers_under_the_tenant_too(admin_client):
    save(NESTED)
    assert admin_client.get("/ui/main/flows/edit/company.team/nested/topology").status_code == 200


def test_it_hides_a_flow_from_a_user_without_a_role_there(alice_client, plain_user):
    save(NESTED)
    assert alice_client.get(URL).status_code == 404
    grant(plain_user, "viewer", "other")
    assert alice_client.get(URL).status_code == 404
    grant(plain_user, "viewer", "company")
    assert alice_client.get(URL).status_code == 200


def test_it_answers_404_for_an_unknown_flow(admin_client):
    assert admin_client.get("/ui/flows/edit/company.team/nope/topology").status_code == 404
