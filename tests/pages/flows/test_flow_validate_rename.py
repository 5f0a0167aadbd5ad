"""Editing a flow or a template, the live validation flags a changed id or namespace at
its line, with the words saving refuses it with (Kestra keeps both on update)."""
import pytest
from django.utils.html import escape

from flows.services import save_template

from .sources import flow_yaml, saved_flow

pytestmark = pytest.mark.django_db

TEMPLATE = "id: greet\nnamespace: company.team\ntasks:\n  - id: hi\n    type: io.kestra.plugin.core.log.Log\n" \
           "    message: hi\n"


def errors_of(client, source, **query):
    response = client.post("/ui/flows/validate", source, content_type="application/x-yaml", QUERY_STRING="&".join(
        f"{key}={value}" for key, value in query.items()))
    assert response.status_code == 200
    return [(error["line"], error["message"]) for error in response.json()["errors"]]


def test_a_changed_id_or_namespace_is_flagged_at_its_line(admin_client):
    editing = {"kind": "flow", "namespace": "company.team", "id": "hello_world"}
    assert errors_of(admin_client, flow_yaml(), **editing) == []
    assert errors_of(admin_client, flow_yaml(flow_id="renamed"), **editing) == [
        (1, "id: Illegal flow id update: 'hello_world' cannot become 'renamed'")]
    assert errors_of(admin_client, flow_yaml(namespace="company.other"), **editing) == [
        (2, "namespace: Illegal namespace update: 'company.team' cannot become 'company.other'")]


def test_a_rename_is_flagged_beside_the_other_problems(admin_client):
    source = flow_yaml(flow_id="renamed").replace("type: io.kestra.plugin.core.log.Log", "type: Nope")
    lines = [line for line, _ in errors_of(admin_client, source, kind="flow", namespace="company.team",
                                           id="hello_world")]
    assert sorted(lines) == [1, 6]  # the id, the unknown type


def test_a_new_flow_may_have_any_id(admin_client):
    assert errors_of(admin_client, flow_yaml(flow_id="anything"), kind="flow") == []


def test_a_changed_template_id_is_flagged_too(admin_client):
    found = errors_of(admin_client, TEMPLATE.replace("id: greet", "id: other"), kind="template",
                      namespace="company.team", id="greet")
    assert found == [(1, "id: Illegal template id update: 'greet' cannot become 'other'")]


def test_the_editors_name_what_they_edit_in_their_validation_url(admin_client):
    saved_flow()
    html = admin_client.get("/ui/flows/edit/company.team/hello_world/source").content.decode()
    assert f'data-validate-url="{escape("/ui/flows/validate?kind=flow&namespace=company.team&id=hello_world")}"' \
        in html
    save_template(TEMPLATE)
    html = admin_client.get("/ui/templates/edit/company.team/greet").content.decode()
    assert escape("?kind=template&namespace=company.team&id=greet") in html
    assert 'data-validate-url="/ui/flows/validate?kind=flow"' in admin_client.get("/ui/flows/new").content.decode()


def test_saving_a_rename_is_refused_with_both_problems_at_their_lines(admin_client):
    saved_flow()
    response = admin_client.post("/ui/flows/edit/company.team/hello_world/source",
                                 {"source": flow_yaml(flow_id="x", namespace="company.other")})
    assert sorted((p["line"], p["message"][:30]) for p in response.context["editor"].problems) == [
        (1, "id: Illegal flow id update: 'h"), (2, "namespace: Illegal namespace u")]
