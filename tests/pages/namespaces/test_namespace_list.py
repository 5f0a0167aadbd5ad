"""The namespaces list shows the namespaces the user may read, and only those."""
import pytest

from flows.models import Namespace
from tests.pages.conftest import grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def known():
    for name in ("company", "company.team", "secret", "secret.team"):
        Namespace.ensure(name)


def names(response) -> list[str]:
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_it_lists_the_namespaces_with_links(admin_client, known):
    response = admin_client.get("/ui/namespaces")
    assert {"company", "company.team", "secret", "secret.team"} <= set(names(response))
    assert 'href="/ui/namespaces/edit/company.team/overview"' in response.content.decode()


def test_it_searches(admin_client, known):
    assert names(admin_client.get("/ui/namespaces?q=team")) == ["company.team", "secret.team"]


def test_a_user_sees_only_the_namespaces_of_their_roles(alice_client, plain_user, known):
    assert names(alice_client.get("/ui/namespaces")) == []
    grant(plain_user, "viewer", "company")
    body = alice_client.get("/ui/main/namespaces").content.decode()
    assert "company.team" in body and "secret" not in body


def test_a_namespace_without_a_role_is_not_found(alice_client, known):
    for tab in ("", "/overview", "/kv", "/files", "/files/edit?path=a.txt"):
        assert alice_client.get(f"/ui/namespaces/edit/secret{tab}").status_code == 404, tab
