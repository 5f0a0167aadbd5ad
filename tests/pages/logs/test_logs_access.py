"""The logs page shows only the lines of namespaces the user may read."""
import pytest

from tests.pages.conftest import grant
from tests.pages.records import execution, log_line

pytestmark = pytest.mark.django_db


def test_a_user_without_a_role_sees_no_line_of_the_namespace(alice_client):
    log_line(execution("secret.team"), "the launch code")
    response = alice_client.get("/ui/logs?range=all")
    assert response.status_code == 200
    assert list(response.context["window"].rows) == []
    assert "the launch code" not in response.content.decode()


def test_a_viewer_sees_the_lines_of_their_namespaces_only(alice_client, plain_user):
    grant(plain_user, "viewer", "company")
    log_line(execution("company.team"), "visible line")
    log_line(execution("secret.team"), "hidden line")
    body = alice_client.get("/ui/logs?range=all&minLevel=TRACE").content.decode()
    assert "visible line" in body and "hidden line" not in body
