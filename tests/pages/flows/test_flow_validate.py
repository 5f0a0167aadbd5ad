"""The editor's live validation: each problem with its line and column, nothing saved."""
import pytest

from flows.models import Flow, Template

from .sources import flow_yaml

pytestmark = pytest.mark.django_db


def validate(client, source, kind=None):
    url = "/ui/flows/validate" + (f"?kind={kind}" if kind else "")
    return client.post(url, source, content_type="application/x-yaml")


def test_a_valid_flow_has_no_problem(admin_client):
    response = validate(admin_client, flow_yaml())
    assert response.status_code == 200 and response.json() == {"errors": []}
    assert not Flow.objects.exists()


def test_each_problem_comes_at_its_line_and_column(admin_client):
    source = ("id: broken\nnamespace: company.team\ntasks:\n  - id: hello\n    type: io.kestra.plugin.core.log.Log\n"
              "    message: hi\n  - id: second\n    type: io.kestra.plugin.core.log.Nope\n")
    errors = validate(admin_client, source).json()["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [(8, 5)]
    assert "io.kestra.plugin.core.log.Nope" in errors[0]["message"]


def test_every_problem_is_reported_at_once(admin_client):
    source = "id: a b\nnamespace: company.team\ntaks: []\n"
    lines = sorted(e["line"] for e in validate(admin_client, source).json()["errors"])
    assert 1 in lines and 3 in lines


def test_a_yaml_syntax_error_has_its_line(admin_client):
    errors = validate(admin_client, "id: x\nnamespace: y\ntasks: [\n  - a: b\n  c\n").json()["errors"]
    assert len(errors) == 1 and "YAML syntax error" in errors[0]["message"] and errors[0]["line"] >= 4


def test_old_type_names_are_valid(admin_client):
    source = "id: x\nnamespace: y\ntasks:\n  - id: a\n    type: io.kestra.core.tasks.debugs.Echo\n    format: hi\n"
    assert validate(admin_client, source).json() == {"errors": []}


def test_a_template_is_checked_for_a_templates_keys(admin_client):
    source = flow_yaml(extra="inputs:\n  - id: a\n    type: STRING")
    assert validate(admin_client, source).json() == {"errors": []}
    errors = validate(admin_client, source, "template").json()["errors"]
    assert [e["line"] for e in errors] == [3] and "inputs" in errors[0]["message"]
    assert not Template.objects.exists()


def test_an_unknown_kind_is_a_400_naming_it(admin_client):
    response = validate(admin_client, flow_yaml(), "dag")
    assert response.status_code == 400 and "dag" in response.json()["detail"]


def test_text_that_is_not_utf8_is_a_problem_not_a_crash(admin_client):
    response = admin_client.post("/ui/flows/validate", b"id: \xff\n", content_type="application/x-yaml")
    assert response.status_code == 200 and "UTF-8" in response.json()["errors"][0]["message"]


def test_it_needs_a_post(admin_client):
    assert admin_client.get("/ui/flows/validate").status_code == 405
