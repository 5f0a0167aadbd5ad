"""Starting an execution takes the editor role: a viewer gets 403 and no Execute
button, a user without a role in the namespace does not learn the flow exists."""
import pytest

from executions.models import Execution
from tests.pages.conftest import grant

from .flows import URL, every_input

pytestmark = pytest.mark.django_db


def test_it_refuses_a_viewer(alice_client, plain_user):
    every_input()
    grant(plain_user, "viewer", "company")
    assert alice_client.get(URL).status_code == 403
    assert alice_client.post(URL, {"count": "1"}).status_code == 403
    assert not Execution.objects.exists()
    topology = alice_client.get("/ui/flows/edit/company.team/every_input/topology").content.decode()
    assert "/execute" not in topology


def test_it_hides_the_flow_from_a_user_without_a_role(alice_client):
    every_input()
    assert alice_client.get(URL).status_code == 404


def test_it_lets_an_editor_execute(alice_client, plain_user):
    every_input()
    grant(plain_user, "editor", "company.team")
    assert alice_client.get(URL).status_code == 200
    assert alice_client.post(URL, {"count": "1"}).status_code == 302
    assert Execution.objects.count() == 1
