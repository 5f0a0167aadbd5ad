"""The in-script library (PyPI `kestra` 2.0.0, `from kestra import Flow`) reaches the
tenant-less paths it calls (../shared/api-contract.md §5): POST /api/v1/executions/{ns}/{flow}
with multipart inputs and `labels=k:v` (labels_from_inputs), and GET
/api/v1/executions/{id} for `state.current`, with KESTRA_API_TOKEN as Bearer. (The logs
download it also calls belongs to the logs endpoints.)"""
import pytest

from executions.models import Execution
from flows.services import save_flow
from kestraweb.tokens import create_token

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: scripted
namespace: tests.inscript
inputs:
  - id: who
    type: STRING
  - id: data
    type: FILE
    required: false
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.who }}"
"""


def test_flow_execute_creates_an_execution_and_reads_its_state(live_server, admin_user, monkeypatch):
    from kestra import Flow

    save_flow(FLOW)
    monkeypatch.setenv("KESTRA_HOSTNAME", live_server.url)
    monkeypatch.setenv("KESTRA_API_TOKEN", create_token(admin_user, "script")[1])
    flow = Flow(wait_for_completion=False, labels_from_inputs=True)
    started = flow.execute("tests.inscript", "scripted", {"who": "Ada", "data": ("data.txt", b"bytes", "text/plain")})
    execution = Execution.objects.get(pk=started.execution_id)
    assert execution.inputs["who"] == "Ada" and execution.inputs["data"].endswith("data.txt")
    assert {"key": "who", "value": "Ada"} in execution.labels
    status = flow.check_status(started.execution_id)
    assert status.status_code == 200 and status.json()["state"]["current"] == "CREATED"
