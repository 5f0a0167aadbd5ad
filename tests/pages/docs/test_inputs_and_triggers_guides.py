"""/ui/docs/inputs lists each input type with its declared properties; /ui/docs/triggers
links every trigger and condition type."""
import pytest

from flows.spec.input_properties import input_properties
from flows.spec.input_types import TYPES
from plugins.api.catalog import visible_types

pytestmark = pytest.mark.django_db


def test_the_inputs_guide_shows_every_input_type_and_its_properties(admin_client):
    html = admin_client.get("/ui/docs/inputs").content.decode()
    for name in TYPES:
        section = html.split(f'id="input-{name}"')[1].split("</section>")[0]
        for prop in input_properties(name)[8:]:  # its own, beyond what every input has
            assert f'id="property-{prop.name}"' in section, (name, prop.name)
    assert 'id="property-defaults"' in html  # what every input has, once


def test_the_triggers_guide_links_every_trigger_and_condition(admin_client):
    html = admin_client.get("/ui/docs/triggers").content.decode()
    for name, cls in visible_types().items():
        if cls.kind in ("trigger", "condition"):
            assert f'href="/ui/docs/plugins/{name}"' in html, name


def test_the_api_guide_links_the_openapi_document_and_the_browsable_page(admin_client):
    html = admin_client.get("/ui/docs/api").content.decode()
    assert 'href="/api/v1/openapi.json"' in html
    assert 'href="/api/v1/swagger-ui"' in html


def test_the_guides_examples_are_blueprints(admin_client):
    html = admin_client.get("/ui/docs/concepts").content.decode()
    assert 'href="/ui/blueprints/hello-world"' in html and "data-yaml-view" in html
