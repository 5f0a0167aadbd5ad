"""A blueprint's "Use" button opens the new-flow editor with the blueprint's YAML."""
import pytest

from kestraweb.pages.blueprints.catalog import all_blueprints

pytestmark = pytest.mark.django_db


def test_it_opens_the_editor_with_the_blueprints_source(admin_client):
    blueprint = all_blueprints()[0]
    response = admin_client.get(f"/ui/flows/new?blueprint={blueprint.id}")
    assert response.status_code == 200
    assert response.context["editor"].source == blueprint.source


def test_an_unknown_blueprint_gives_the_hello_world_start(admin_client):
    response = admin_client.get("/ui/flows/new?blueprint=no-such-blueprint")
    assert response.status_code == 200
    assert "hello" in response.context["editor"].source.lower() or "my_flow" in response.context["editor"].source
