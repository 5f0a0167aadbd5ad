"""Validating inputs without creating or resuming (Kestra's ExecutionController
#validateInputsOnCreate and #validateInputsOnResume): 200 with each declared input, the
value it would take, whether it is enabled and its errors; nothing is created or
resumed. A disabled flow or an execution not paused is a 409, an unknown flow or
revision a 404, a viewer is refused."""
import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import Execution
from flows.models import Flow
from kestraweb.models import RoleBinding
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: checked
namespace: tests.api
inputs:
  - id: name
    type: STRING
  - id: count
    type: INT
    defaults: 1
  - id: detail
    type: STRING
    required: false
    dependsOn:
      inputs: [count]
      condition: "{{ inputs.count > 5 }}"
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    onResume:
      - id: approved
        type: BOOL
"""
URL = "/api/v1/main/executions/tests.api/checked/validate"


def _by_id(body: dict) -> dict:
    return {item["input"]["id"]: item for item in body["inputs"]}


def test_validate_new_execution_answers_each_input(client):
    save(FLOW)
    body = client.post(URL, {"count": "many"}, format="multipart").json()
    assert (body["id"], body["namespace"]) == ("checked", "tests.api")
    inputs = _by_id(body)
    assert list(inputs) == ["name", "count", "detail"]
    assert inputs["name"]["errors"] and "name" in inputs["name"]["errors"][0]["message"]
    assert inputs["count"]["errors"] and inputs["count"]["value"] == "many"
    good = _by_id(client.post(URL + "?labels=team:a", {"name": "Ada", "count": "7"}, format="multipart").json())
    assert good["name"] == {**good["name"], "value": "Ada", "enabled": True, "errors": []}
    assert good["count"]["value"] == 7 and good["detail"]["enabled"] is True
    assert _by_id(client.post(URL, {"name": "Ada"}, format="multipart").json())["detail"]["enabled"] is False
    assert not Execution.objects.exists()


def test_validate_new_execution_refusals(client, alice, plain_user):
    flow = save(FLOW)
    assert_problem(client.post("/api/v1/main/executions/tests.api/nothing/validate"), 404)
    assert_problem(client.post(URL + "?revision=7"), 404)
    assert [e["pointer"] for e in assert_problem(client.post(URL + "?labels=bad"), 422)["errors"]] == ["labels"]
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="tests")
    assert_problem(alice.post(URL), 403)
    Flow.objects.filter(pk=flow.pk).update(disabled=True)
    assert_problem(client.post(URL), 409)


def test_validate_new_execution_through_kestrapy(kestra_client):
    save(FLOW)
    body = kestra_client.executions.validate_new_execution_inputs("tests.api", "checked", "main",
                                                                 inputs={"name": "Ada", "count": 3})
    assert [(i["input"]["id"], i["value"], i["errors"]) for i in body["inputs"]][:2] == [
        ("name", "Ada", []), ("count", 3, [])]


def test_validate_resume_checks_on_resume_inputs(client, kestra_client):
    save(FLOW)
    paused = create_execution(Flow.objects.get(flow_id="checked"), {"name": "Ada"})
    thread, _ = run_in_background(paused.id)
    wait_for(lambda: Execution.objects.get(pk=paused.id).state == "PAUSED")
    url = f"/api/v1/main/executions/{paused.id}/actions/resume/validate"
    bad = _by_id(client.post(url, {"approved": "perhaps"}, format="multipart").json())
    assert list(bad) == ["approved"] and bad["approved"]["errors"]
    legacy = client.post(f"/api/v1/main/executions/{paused.id}/resume/validate", {"approved": "true"},
                         format="multipart").json()
    assert _by_id(legacy)["approved"]["value"] is True and _by_id(legacy)["approved"]["errors"] == []
    body = kestra_client.executions.validate_resume_execution_inputs(paused.id, "main", inputs={"approved": True})
    assert body["inputs"][0]["errors"] == []
    assert Execution.objects.get(pk=paused.id).state == "PAUSED"  # nothing resumed
    operations.kill(paused.id)
    thread.join(30)
    ended = run_to_end(create_execution(save(FLOW.replace("Pause", "Sleep").replace(
        "onResume:\n      - id: approved\n        type: BOOL", "duration: PT0S")), {"name": "x"}).id)
    assert_problem(client.post(f"/api/v1/main/executions/{ended.id}/actions/resume/validate"), 409)
    assert_problem(client.post("/api/v1/main/executions/nope/actions/resume/validate"), 404)
