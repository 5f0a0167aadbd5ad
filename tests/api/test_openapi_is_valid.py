"""The OpenAPI document is generated without a warning or an error and validates against
the OpenAPI 3 meta-schema, so every endpoint documents its request and response bodies
(what the schemathesis fuzz in test_openapi_fuzz.py checks the server against) and its
operationIds are unique (Kestra's client method names where they collided)."""
import pytest
from django.core.management import call_command
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator

pytestmark = pytest.mark.django_db


def test_it_generates_the_schema_with_no_warning_and_validates_it(tmp_path):
    GENERATOR_STATS.reset()
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "openapi.yaml"))
    assert (tmp_path / "openapi.yaml").read_text().startswith("openapi: 3")


def test_it_names_the_colliding_operations_after_kestras_client():
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    assert paths["/api/v1/main/logs/{execution_id}"]["delete"]["operationId"] == "delete_logs_from_execution"
    assert paths["/api/v1/main/namespaces/{namespace}/kv/{key}"]["delete"]["operationId"] == "delete_key_value"
    assert paths["/api/v1/plugins/inputs/{input_type}"]["get"]["operationId"] == "plugin_input_schema"
