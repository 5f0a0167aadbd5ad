"""/ui/docs/plugins/<type>: a page per registered type, from its declarations: every
property (with its nested fields), every output, every example."""
import pytest
from django.utils.html import escape

from plugins.api.catalog import visible_types
from plugins.api.docs import describe

pytestmark = pytest.mark.django_db


def names(doc):
    """A property's name and the names of everything nested in it."""
    yield doc.name
    for child in doc.children:
        yield from names(child)


@pytest.mark.parametrize("name", sorted(visible_types()))
def test_each_type_has_a_page_with_its_properties_outputs_and_examples(admin_client, name):
    cls = visible_types()[name]
    response = admin_client.get(f"/ui/docs/plugins/{name}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'type: "{name}"' in html.replace("&quot;", '"')
    for prop in cls.declared().values():
        assert f'id="property-{prop.name}"' in html, prop.name
        for nested in names(describe(prop)):
            assert escape(nested) in html, (prop.name, nested)
    for output in getattr(cls, "outputs", ()):
        assert f'id="output-{output.name}"' in html
    for example in cls.examples:
        assert escape(example.code) in html, example.title


def test_it_shows_defaults_possible_values_and_bounds(admin_client):
    html = admin_client.get("/ui/docs/plugins/io.kestra.plugin.core.flow.ForEach").content.decode()
    row = html.split('id="property-concurrencyLimit"')[1].split("</tr>")[0]
    assert "Default: <code>1</code>" in row and "Minimum: <code>&gt;= 0</code>" in row
    html = admin_client.get("/ui/docs/plugins/io.kestra.plugin.core.log.Log").content.decode()
    row = html.split('id="property-level"')[1].split("</tr>")[0]
    assert "Possible values: <code>TRACE</code>" in row


def test_it_shows_the_alternatives_of_a_one_of(admin_client):
    html = admin_client.get("/ui/docs/plugins/io.kestra.plugin.core.log.Log").content.decode()
    row = html.split('id="property-retry"')[1].split("</tr>")[0]
    for alternative in ("type: constant", "type: exponential", "type: random"):
        assert alternative in row
    assert "maxInterval" in row


def test_an_old_name_leads_to_the_current_page(admin_client):
    response = admin_client.get("/ui/docs/plugins/io.kestra.core.tasks.log.Log")
    assert response.status_code == 302
    assert response["Location"] == "/ui/docs/plugins/io.kestra.plugin.core.log.Log"


def test_kestras_own_path_of_a_type_page_leads_here(admin_client):
    response = admin_client.get("/ui/main/plugins/io.kestra.core.tasks.flows.Subflow")
    assert response.status_code == 302
    assert response["Location"] == "/ui/docs/plugins/io.kestra.plugin.core.flow.Subflow"


def test_an_unknown_type_is_404(admin_client):
    assert admin_client.get("/ui/docs/plugins/io.kestra.plugin.core.NoSuchType").status_code == 404
    assert admin_client.get("/ui/plugins/io.kestra.plugin.core.NoSuchType").status_code == 404


def test_an_internal_type_has_no_page(admin_client):
    assert admin_client.get(
        "/ui/docs/plugins/io.kestra.plugin.core.flow.ForEachItem$ForEachItemSplit").status_code == 404
