"""/ui/blueprints/<id>: the description, the YAML, and a Use link to the flow editor."""
import pytest

from kestraweb.pages.blueprints.catalog import find

pytestmark = pytest.mark.django_db


def test_it_shows_the_description_the_yaml_and_the_use_link(admin_client):
    blueprint = find("kv-set-get")
    response = admin_client.get("/ui/blueprints/kv-set-get")
    assert response.status_code == 200
    html = response.content.decode()
    assert blueprint.title in html
    assert "<code>kv()</code>" in html  # the description's Markdown, as HTML
    assert "io.kestra.plugin.core.kv.Set" in html and "data-yaml-view" in html
    assert 'href="/ui/flows/new?blueprint=kv-set-get"' in html


def test_it_names_the_services_a_blueprint_needs(admin_client):
    html = admin_client.get("/ui/blueprints/snowflake-query").content.decode()
    assert ">snowflake</span>" in html


def test_it_links_the_flows_a_blueprint_calls(admin_client):
    html = admin_client.get("/ui/blueprints/subflow-parent").content.decode()
    assert 'href="/ui/blueprints/subflow-child"' in html


def test_it_answers_404_for_an_unknown_blueprint(admin_client):
    assert admin_client.get("/ui/blueprints/no-such-blueprint").status_code == 404


def test_a_user_without_any_role_may_browse_blueprints(alice_client):
    """Blueprints are the instance's, not a namespace's: reading them needs a login
    only (the login walk checks anonymous visitors); the editor checks the role when
    the flow is saved."""
    assert alice_client.get("/ui/blueprints/hello-world").status_code == 200
    assert alice_client.get("/ui/blueprints").status_code == 200
