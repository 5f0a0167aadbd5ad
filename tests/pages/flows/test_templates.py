"""Templates: list and search, create, edit and delete in the flows' editor, each
behind the namespace's role."""
import pytest

from flows.models import Template
from flows.services import save_template

from ..conftest import grant

pytestmark = pytest.mark.django_db
URL = "/ui/templates/edit/company.team/greet"


def template_yaml(template_id="greet", namespace="company.team", message="hi", extra=""):
    return (f"id: {template_id}\nnamespace: {namespace}\n{extra}\ntasks:\n"
            f"  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: {message}\n")


@pytest.fixture
def templates():
    save_template(template_yaml(extra="description: greets people"))
    save_template(template_yaml("load", "company.data"))
    save_template(template_yaml("secret", "hidden"))


def listed(response):
    return [t.template_id for t in response.context["page"].object_list]


def test_it_lists_and_searches_templates(admin_client, templates):
    assert listed(admin_client.get("/ui/templates")) == ["load", "greet", "secret"]
    assert listed(admin_client.get("/ui/templates?q=GREETS")) == ["greet"]
    assert listed(admin_client.get("/ui/templates?namespace=company")) == ["load", "greet"]


def test_a_user_lists_only_visible_templates_and_no_create(alice_client, plain_user, templates):
    grant(plain_user, "viewer", "company")
    response = alice_client.get("/ui/templates")
    assert listed(response) == ["load", "greet"]
    assert b'href="/ui/templates/new"' not in response.content


def test_it_creates_a_template(admin_client):
    assert admin_client.get("/ui/templates/new").context["editor"].kind == "template"
    response = admin_client.post("/ui/templates/new", {"source": template_yaml()})
    assert response.status_code == 302 and response["Location"] == URL
    assert Template.objects.get().tasks[0]["message"] == "hi"


def test_a_flows_keys_are_refused_in_a_template_at_their_line(admin_client):
    response = admin_client.post("/ui/templates/new", {"source": template_yaml(extra="triggers: []")})
    assert response.status_code == 200
    assert [p["line"] for p in response.context["editor"].problems] == [3]
    assert not Template.objects.exists()


def test_it_edits_a_template(admin_client, templates):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert b'data-validate-url="/ui/flows/validate?kind=template&amp;' in response.content
    assert admin_client.post(URL, {"source": template_yaml(message="changed")}).status_code == 302
    assert Template.objects.get(template_id="greet").tasks[0]["message"] == "changed"


def test_an_invalid_edit_keeps_the_template(admin_client, templates):
    response = admin_client.post(URL, {"source": template_yaml(message="")})
    assert response.status_code == 200 and response.context["editor"].problems
    assert Template.objects.get(template_id="greet").tasks[0]["message"] == "hi"


def test_it_deletes_a_template(admin_client, templates):
    assert admin_client.post(URL + "/delete")["Location"] == "/ui/templates"
    assert not Template.objects.filter(template_id="greet").exists()


def test_a_viewer_reads_a_template_but_cannot_change_it(alice_client, plain_user, templates):
    grant(plain_user, "viewer", "company")
    response = alice_client.get(URL)
    assert response.context["editor"].read_only and b"Save</button>" not in response.content
    assert b"Delete</button>" not in response.content
    assert alice_client.post(URL, {"source": template_yaml(message="mine")}).status_code == 403
    assert alice_client.post(URL + "/delete").status_code == 403
    assert alice_client.post("/ui/templates/new", {"source": template_yaml("x")}).status_code == 403
    assert Template.objects.get(template_id="greet").tasks[0]["message"] == "hi"


def test_who_may_not_read_gets_404s(alice_client, templates):
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(URL + "/delete").status_code == 404
    assert Template.objects.filter(template_id="greet").exists()
