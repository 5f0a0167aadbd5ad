"""Kestra's official client reads the plugins API unchanged (kestrapy 2.0.x
`client.plugins.*`, raw JSON at /api/v1/plugins, no tenant; contract §3.9)."""
import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_client_reads_plugins_their_docs_and_schemas(kestra_client):
    groups = kestra_client.plugins.list_plugins()
    assert "io.kestra.plugin.core" in {plugin["group"] for plugin in groups}
    assert any(p["subGroup"] == "io.kestra.plugin.core.flow" for p in kestra_client.plugins.list_plugins_by_subgroups())
    doc = kestra_client.plugins.plugin_documentation("io.kestra.plugin.core.log.Log", all_properties=True)
    assert "message" in doc["schema"]["properties"]["properties"]
    flow = kestra_client.plugins.plugin_schema("flow")
    assert flow["$ref"] == "#/definitions/io.kestra.core.models.flows.Flow"
    assert kestra_client.plugins.plugin_schema("task", array_of=True)["type"] == "array"
    assert "tasks" in kestra_client.plugins.plugin_properties("flow")["properties"]
    assert {"type": "STRING", "cls": "io.kestra.core.models.flows.input.StringInput"} in (
        kestra_client.plugins.plugin_input_types())
    assert kestra_client.plugins.plugin_input_schema("STRING")["schema"]["properties"]["type"] == "object"
    assert kestra_client.plugins.plugin_triggers()["total"] > 0
    assert "io.kestra.plugin.core.log.Log" in kestra_client.plugins.plugin_icons()
    assert "io.kestra.plugin.core" in kestra_client.plugins.plugin_group_icons()
    assert kestra_client.plugins.plugin_versions("io.kestra.plugin.core.log.Log")["versions"] == []
