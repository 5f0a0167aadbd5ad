"""POST /executions/{id}/actions/eval and /executions/{id}/eval/{taskRunId} (Kestra's
ExecutionController#eval): an expression rendered with the variables a task of the
execution sees; `{result}`, or for a taskrun `{result, error}`."""
import pytest

from tests.flow_runs import run_flow

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: evaluated
namespace: tests.api
inputs:
  - id: who
    type: STRING
    defaults: Ada
tasks:
  - id: hello
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{ inputs.who }}"
"""


def post(client, path, text):
    return client.generic("POST", path, text, content_type="text/plain")


def test_it_evaluates_against_the_execution_and_a_taskrun(client):
    run = run_flow(FLOW)
    base = f"/api/v1/main/executions/{run.execution.id}"
    body = post(client, f"{base}/actions/eval", "{{ outputs.hello.value }} / {{ inputs.who }} / {{ flow.id }}").json()
    assert body == {"result": "hello Ada / Ada / evaluated"}
    taskrun = run.one("hello").id
    assert post(client, f"{base}/eval/{taskrun}", "{{ taskrun.id }}").json() == {"result": taskrun, "error": None}
    answer = post(client, f"{base}/eval/{taskrun}", "{{ nope.x }}").json()
    assert answer["result"] is None and "nope" in answer["error"]
    assert_problem(post(client, f"{base}/actions/eval", "{{ nope.x }}"), 422)
    assert_problem(post(client, f"{base}/actions/eval", ""), 422)
    assert_problem(post(client, f"{base}/eval/missing", "{{ 1 }}"), 404)
    assert_problem(post(client, "/api/v1/main/executions/missing/actions/eval", "{{ 1 }}"), 404)
