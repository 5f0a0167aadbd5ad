"""Home counts only what the user may see: nothing of a namespace without a role there."""
import pytest

from tests.pages.conftest import grant
from tests.pages.records import execution

pytestmark = pytest.mark.django_db


def test_a_user_without_a_role_sees_nothing_of_the_namespace(alice_client):
    hidden = execution("secret.team", state="FAILED")
    response = alice_client.get("/ui/")
    assert response.status_code == 200
    assert response.context["total"] == 0
    assert hidden.id not in response.content.decode()


def test_a_viewer_sees_only_their_namespaces(alice_client, plain_user):
    grant(plain_user, "viewer", "company")
    seen = execution("company.team", state="FAILED")
    hidden = execution("secret.team", state="FAILED")
    response = alice_client.get("/ui/?namespace=")
    body = response.content.decode()
    assert response.context["total"] == 1
    assert seen.id in body and hidden.id not in body
