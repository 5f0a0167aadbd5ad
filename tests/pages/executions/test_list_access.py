"""The list shows only executions of namespaces the user may read, and offers to act
only on those they may change."""
import pytest

from .conftest import execution, grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows():
    execution("mine", namespace="company.team")
    execution("theirs", namespace="secret", minutes=5)


def test_a_user_without_a_role_sees_no_row(alice_client, rows):
    response = alice_client.get("/ui/executions")
    assert response.status_code == 200 and response.context["executions"] == []
    assert "mine" not in response.content.decode() and "theirs" not in response.content.decode()


def test_a_viewer_sees_their_namespace_only_and_cannot_select(alice_client, plain_user, rows):
    grant(plain_user, "viewer", "company")
    response = alice_client.get("/ui/executions")
    assert [e.id for e in response.context["executions"]] == ["mine"]
    assert 'name="ids"' not in response.content.decode() and 'value="kill"' not in response.content.decode()
    # a filter naming the hidden namespace finds nothing either
    assert alice_client.get("/ui/executions", {"namespace": "secret"}).context["executions"] == []


def test_an_editor_may_select_their_rows(alice_client, plain_user, rows):
    grant(plain_user, "editor", "company")
    content = alice_client.get("/ui/executions").content.decode()
    assert 'name="ids" value="mine"' in content and 'value="kill"' in content
