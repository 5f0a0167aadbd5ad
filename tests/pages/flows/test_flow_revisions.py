"""A flow's revisions: two side by side, and restoring an old one as a new revision."""
import pytest

from ..conftest import grant
from .sources import flow_yaml, saved_flow

pytestmark = pytest.mark.django_db
URL = "/ui/flows/edit/company.team/hello_world/revisions"


@pytest.fixture
def flow():
    from flows.services import save_flow

    saved_flow(message="first")
    save_flow(flow_yaml(message="second"))
    return save_flow(flow_yaml(message="third"))[0]


def test_it_lists_the_revisions_newest_first(admin_client, flow):
    response = admin_client.get(URL)
    assert [row.revision for row in response.context["revisions"]] == [3, 2, 1]


def test_it_compares_the_last_two_revisions_at_first(admin_client, flow):
    response = admin_client.get(URL)
    assert (response.context["left"], response.context["right"]) == (2, 3)
    assert "second" in response.context["diff"]["before"] and "third" in response.context["diff"]["after"]
    assert b'id="revision-diff-data"' in response.content


def test_it_compares_the_two_revisions_picked(admin_client, flow):
    response = admin_client.get(URL + "?left=1&right=2")
    assert "first" in response.context["diff"]["before"] and "second" in response.context["diff"]["after"]


def test_an_unknown_revision_falls_back_to_the_default(admin_client, flow):
    response = admin_client.get(URL + "?left=99&right=word")
    assert (response.context["left"], response.context["right"]) == (2, 3)


def test_a_single_revision_has_nothing_to_compare(admin_client):
    saved_flow(flow_id="lonely")
    response = admin_client.get("/ui/flows/edit/company.team/lonely/revisions")
    assert "diff" not in response.context and b"nothing to compare" in response.content


def test_restoring_saves_the_old_source_as_a_new_revision(admin_client, flow):
    response = admin_client.post(URL + "/1/restore")
    assert response.status_code == 302
    flow.refresh_from_db()
    assert flow.revision == 4 and "first" in flow.source
    assert list(flow.revisions.order_by("revision").values_list("revision", flat=True)) == [1, 2, 3, 4]


def test_restoring_an_unknown_revision_is_a_404(admin_client, flow):
    assert admin_client.post(URL + "/9/restore").status_code == 404


def test_a_viewer_compares_but_cannot_restore(alice_client, plain_user, flow):
    grant(plain_user, "viewer", "company")
    response = alice_client.get(URL)
    assert response.status_code == 200 and b">Restore</button>" not in response.content
    assert alice_client.post(URL + "/1/restore").status_code == 403
    flow.refresh_from_db()
    assert flow.revision == 3


def test_who_may_not_read_sees_no_revision(alice_client, flow):
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(URL + "/1/restore").status_code == 404
