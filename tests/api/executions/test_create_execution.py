"""POST /api/v1/main/executions/{namespace}/{id} (Kestra's ExecutionController#createExecution):
multipart inputs (a file part goes to internal storage), `labels=key:value`, 404 for an
unknown flow, 409 for a disabled one, 422 naming a bad input; nothing created then."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from executions.models import Execution, ExecutionLabel
from flows.services import save_flow
from kestraweb.models import RoleBinding
from storage import internal_storage

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db

FLOW = """
id: hello
namespace: company.team
inputs:
  - id: name
    type: STRING
  - id: count
    type: INT
    defaults: 1
  - id: data
    type: FILE
    required: false
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.name }}"
"""
URL = "/api/v1/main/executions/company.team/hello"


@pytest.fixture
def flow():
    return save_flow(FLOW)[0]


def test_it_creates_an_execution_with_inputs_a_file_and_labels(client, flow):
    upload = SimpleUploadedFile("rows.csv", b"a,b\n1,2\n", content_type="text/csv")
    response = client.post(f"{URL}?labels=env:prod&labels=team:data",
                           {"name": "Ada", "count": "3", "data": upload}, format="multipart")
    assert response.status_code == 200, response.content
    body = response.json()
    execution = Execution.objects.get(pk=body["id"])
    assert body["url"].endswith(f"/executions/company.team/hello/{execution.id}")
    assert body["state"]["current"] == "CREATED" and body["flowRevision"] == 1
    assert {"id", "namespace", "flowId", "flowRevision", "state", "originalId", "deleted", "metadata"} <= set(body)
    assert execution.inputs["name"] == "Ada" and execution.inputs["count"] == 3
    uri = execution.inputs["data"]
    assert uri.startswith("kestra:///") and uri.endswith("rows.csv")
    with internal_storage().open(uri) as stored:
        assert stored.read() == b"a,b\n1,2\n"
    assert {"key": "env", "value": "prod"} in body["labels"]
    assert set(ExecutionLabel.objects.filter(execution=execution).values_list("key", "value")) >= {
        ("env", "prod"), ("team", "data")}


def test_it_answers_404_for_an_unknown_flow(client):
    assert_problem(client.post("/api/v1/main/executions/company.team/nope"), 404)


def test_it_answers_409_for_a_disabled_flow(client):
    save_flow(FLOW.replace("tasks:", "disabled: true\ntasks:"))
    assert_problem(client.post(URL, {"name": "x"}, format="multipart"), 409)
    assert not Execution.objects.exists()


def test_it_answers_422_naming_the_bad_input_and_creates_nothing(client, flow):
    body = assert_problem(client.post(URL, {"name": "Ada", "count": "many"}, format="multipart"), 422)
    assert any(error["pointer"] == "inputs.count" for error in body["errors"]), body
    body = assert_problem(client.post(URL), 422)  # `name` is required
    assert any(error["pointer"] == "inputs.name" for error in body["errors"]), body
    assert not Execution.objects.exists()


def test_it_refuses_bad_parameters(client, flow):
    assert_problem(client.post(f"{URL}?labels=nocolon", {"name": "x"}, format="multipart"), 422)
    assert_problem(client.post(f"{URL}?revision=abc", {"name": "x"}, format="multipart"), 422)
    assert_problem(client.post(f"{URL}?revision=9", {"name": "x"}, format="multipart"), 404)
    assert_problem(client.post(f"{URL}?scheduleDate=tomorrow", {"name": "x"}, format="multipart"), 422)
    assert not Execution.objects.exists()


def test_a_viewer_cannot_create(alice, plain_user, flow):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.post(URL, {"name": "x"}, format="multipart"), 403)
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company.team")
    assert alice.post(URL, {"name": "x"}, format="multipart").status_code == 200
