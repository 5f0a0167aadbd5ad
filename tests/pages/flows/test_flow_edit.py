"""Editing a flow's source: a new revision when saved, errors at their lines when not,
read-only (and a 403 on save) for a viewer, nothing at all for who may not read."""
import pytest

from flows.models import Flow

from ..conftest import grant
from .sources import flow_yaml, saved_flow

pytestmark = pytest.mark.django_db
URL = "/ui/flows/edit/company.team/hello_world/source"


def test_it_shows_the_source_in_the_editor(admin_client):
    saved_flow()
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert response.context["editor"].source == flow_yaml()
    assert not response.context["editor"].read_only
    assert b'class="primary">Save</button>' in response.content
    assert b'data-validate-url="/ui/flows/validate?kind=flow&amp;namespace=company.team&amp;id=hello_world"' \
        in response.content


def test_saving_a_change_makes_a_new_revision(admin_client):
    saved_flow()
    response = admin_client.post(URL, {"source": flow_yaml(message="changed")})
    assert response.status_code == 302 and response["Location"] == URL
    flow = Flow.objects.get()
    assert flow.revision == 2 and "changed" in flow.source


def test_an_invalid_change_keeps_the_flow_and_shows_the_line(admin_client):
    saved_flow()
    source = flow_yaml(extra="taks: []")
    response = admin_client.post(URL, {"source": source})
    assert response.status_code == 200
    assert [(p["line"], "taks" in p["message"]) for p in response.context["editor"].problems] == [(3, True)]
    assert Flow.objects.get().revision == 1


def test_the_id_and_namespace_cannot_change(admin_client):
    saved_flow()
    response = admin_client.post(URL, {"source": flow_yaml(namespace="company.other")})
    assert response.status_code == 200
    assert response.context["editor"].problems[0]["line"] == 2
    assert Flow.objects.get().namespace == "company.team"


def test_a_viewer_reads_the_source_without_save_or_edit(alice_client, plain_user):
    saved_flow()
    grant(plain_user, "viewer", "company")
    response = alice_client.get(URL)
    assert response.status_code == 200
    assert response.context["editor"].read_only
    assert b"Save</button>" not in response.content
    assert b'data-read-only="true"' in response.content
    assert b">Edit</a>" not in response.content and b">Source</a>" in response.content


def test_a_viewer_cannot_save(alice_client, plain_user):
    saved_flow()
    grant(plain_user, "viewer", "company")
    assert alice_client.post(URL, {"source": flow_yaml(message="mine")}).status_code == 403
    assert Flow.objects.get().revision == 1


def test_who_may_not_read_gets_a_404_either_way(alice_client, plain_user):
    saved_flow()
    grant(plain_user, "editor", "other")
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(URL, {"source": flow_yaml(message="mine")}).status_code == 404


def test_an_unknown_or_deleted_flow_is_a_404(admin_client):
    from flows.flow_changes import delete_flow

    assert admin_client.get(URL).status_code == 404
    delete_flow(saved_flow())
    assert admin_client.get(URL).status_code == 404


def test_a_flow_labelled_read_only_shows_no_save_even_to_an_admin(admin_client):
    saved_flow(extra="labels:\n  system.readOnly: true")
    response = admin_client.get(URL)
    assert response.context["editor"].read_only
    assert b"Save</button>" not in response.content and b"system.readOnly" in response.content
