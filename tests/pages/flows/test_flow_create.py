"""Creating a flow from the editor page: saved through the flows service, or refused
with each problem at its line and nothing saved."""
import pytest
from django.test import Client

from flows.models import Flow

from ..conftest import grant
from .sources import flow_yaml, saved_flow

pytestmark = pytest.mark.django_db


def test_the_new_flow_page_starts_with_a_valid_flow_in_the_default_namespace(admin_client, admin_user):
    from kestraweb.models import Preferences

    Preferences.objects.create(user=admin_user, default_namespace="acme.data")
    response = admin_client.get("/ui/flows/new")
    assert response.status_code == 200
    source = response.context["editor"].source
    assert "namespace: acme.data" in source
    assert admin_client.post("/ui/flows/validate", source, content_type="application/x-yaml").json() == {"errors": []}


def test_it_creates_a_flow_and_lands_on_it(admin_client):
    response = admin_client.post("/ui/flows/new", {"source": flow_yaml()})
    assert response.status_code == 302
    assert response["Location"] == "/ui/flows/edit/company.team/hello_world/overview"
    flow = Flow.objects.get(namespace="company.team", flow_id="hello_world")
    assert flow.revision == 1 and flow.revisions.count() == 1


def test_an_invalid_flow_is_not_saved_and_comes_back_with_its_lines(admin_client):
    source = "id: broken\nnamespace: company.team\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n"
    response = admin_client.post("/ui/flows/new", {"source": source})
    assert response.status_code == 200
    problems = response.context["editor"].problems
    assert [p["line"] for p in problems] == [4] and "message" in problems[0]["message"]
    assert response.context["editor"].source == source  # the text as typed, to fix
    assert b"line 4" in response.content
    assert not Flow.objects.exists()


def test_an_id_in_use_is_refused_at_its_line(admin_client):
    saved_flow()
    response = admin_client.post("/ui/flows/new", {"source": flow_yaml(message="again")})
    assert response.status_code == 200
    assert response.context["editor"].problems[0]["line"] == 1
    assert "already exists" in response.context["editor"].problems[0]["message"]


def test_old_kestra_type_names_are_saved(admin_client):
    source = ("id: legacy\nnamespace: company.team\ntasks:\n  - id: hello\n"
              "    type: io.kestra.core.tasks.log.Log\n    message: hi\n")
    assert admin_client.post("/ui/flows/new", {"source": source}).status_code == 302
    assert Flow.objects.filter(flow_id="legacy").exists()


def test_a_viewer_cannot_create_in_their_namespace(alice_client, plain_user):
    grant(plain_user, "viewer", "company")
    response = alice_client.post("/ui/flows/new", {"source": flow_yaml()})
    assert response.status_code == 403
    assert response.context["editor"].problems[0]["line"] == 2  # the namespace line
    assert not Flow.objects.exists()


def test_an_editor_creates_only_in_their_namespaces(alice_client, plain_user):
    grant(plain_user, "editor", "company")
    assert alice_client.post("/ui/flows/new", {"source": flow_yaml(namespace="elsewhere")}).status_code == 403
    assert alice_client.post("/ui/flows/new", {"source": flow_yaml()}).status_code == 302


def test_saving_needs_the_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post("/ui/flows/new", {"source": flow_yaml()}).status_code == 403
    assert not Flow.objects.exists()
