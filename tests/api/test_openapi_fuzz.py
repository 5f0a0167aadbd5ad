"""Schemathesis fuzzes every operation of /api/v1/openapi.json against the app itself
(WSGI, in process, as a superuser with HTTP Basic): no input may cause a 5xx, and every
response must be one the schema declares, with its content type and body shape
(Kestra's API is documented by its OpenAPI, ../shared/api-contract.md §1; issue 15).

Cases are derandomized (the same every run) and few per operation, to keep the whole
run bounded on a small CI machine. Some path parameters are mapped to seeded objects
(a flow with inputs, an execution, a KV key) so that operations reach real rows and not
only 404s."""
import zlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, assume, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from executions.kv_store import NamespaceKV
from executions.models import Execution
from flows.services import save_flow
from tests.api.conftest import basic
from tests.api.factories import execution

pytestmark = pytest.mark.django_db

CHECKS = (not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance)
NAMESPACE, FLOW, EXECUTION, KEY = "company.team", "with_inputs", "5Nk1pVqvx2SeFvB3j0qTfE", "seeded_key"
FLOW_SOURCE = f"""id: {FLOW}
namespace: {NAMESPACE}
labels:
  env: prod
inputs:
  - id: name
    type: STRING
    defaults: world
  - id: count
    type: INT
    required: false
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ inputs.name }}}}"
"""
SEEDED = {"namespace": NAMESPACE, "namespace_id": NAMESPACE, "flow_id": FLOW, "id": FLOW,
          "execution_id": EXECUTION, "taskrun_id": "not-a-taskrun", "key": KEY, "task_id": "log", "schema_type": "flow",
          "input_type": "STRING", "cls_name": "io.kestra.plugin.core.log.Log"}


def seed():
    """The seeded objects, made again when a case before deleted them (a delete by query
    with no filter deletes every flow), and only them: a replay by query with no filter
    doubles the executions, so without this cleanup the cases grow exponentially."""
    Execution.objects.exclude(id=EXECUTION).delete()
    save_flow(FLOW_SOURCE)
    if not Execution.objects.filter(id=EXECUTION).exists():
        execution(EXECUTION, namespace=NAMESPACE, flow_id=FLOW)
    NamespaceKV(NAMESPACE).set(KEY, {"some": "value"}, description="seeded")


@pytest.fixture
def api_schema(admin_user, settings):
    """The document as the app serves it, with seeded objects behind some of the ids;
    Django's per-request connection closing is off (as in django.test.Client) so the
    in-process requests stay in the test's transaction. No engine runs here: a
    `wait=true` create and the follow streams (SSE) are bounded to a fraction of a second
    instead of being left out."""
    settings.WEBHOOK_WAIT_TIMEOUT = 0.2
    settings.API_FOLLOW_TIMEOUT = 0.2
    settings.API_FOLLOW_POLL = 0.05
    from drf_spectacular.generators import SchemaGenerator

    from kestraweb.wsgi import application

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    schema = schemathesis.from_dict(SchemaGenerator().get_schema(request=None, public=True), app=application,
                                    data_generation_methods=schemathesis.DataGenerationMethod.all())

    @schema.hook
    def map_path_parameters(context, path_parameters):
        """Half of the cases (chosen by the generated values, so runs repeat) name seeded
        objects in all their path parameters (a flow's namespace and id together)."""
        if path_parameters and zlib.crc32(repr(sorted(path_parameters.items())).encode()) % 2 == 0:
            path_parameters.update({name: SEEDED[name] for name in path_parameters if name in SEEDED})
        return path_parameters

    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
# 8 examples an operation (derandomized, so the same each run): 12 cost CI a minute more
@settings(max_examples=8, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
def test_it_answers_every_operation_as_documented_and_never_5xx(case, admin_user):
    # Werkzeug's test client cannot encode a multipart body that is not an object (a
    # negative case of `flows/import`): such a request cannot be sent at all.
    assume(case.media_type != "multipart/form-data" or isinstance(case.body, dict))
    seed()
    case.call_and_validate(headers={"Authorization": basic(admin_user.username)}, checks=CHECKS)

