"""Resume from the page: a Pause task's onResume inputs are asked in a form; a value
that does not fit is said and the execution stays paused; a good one resumes it."""
import pytest
from django.contrib.messages import get_messages

from executions.models import Execution, TaskRun
from executions.services.launch import launch
from tests.background import run_in_background, wait_for
from tests.flow_runs import save

from .conftest import page_of

pytestmark = pytest.mark.django_db(transaction=True)

PAUSING = """
id: pausing
namespace: company
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    onResume:
      - id: approved
        type: BOOL
        description: Go on?
  - id: after
    type: io.kestra.plugin.core.debug.Return
    format: "{{ outputs.wait.onResume.approved }}"
"""


def test_it_resumes_with_the_on_resume_inputs(admin_client):
    execution = launch(save(PAUSING))
    thread, result = run_in_background(execution.id)
    wait_for(lambda: Execution.objects.get(pk=execution.id).state == "PAUSED")
    content = admin_client.get(page_of(execution) + "/gantt").content.decode()
    assert '/actions/resume" enctype="multipart/form-data"' in content
    assert '<select name="approved">' in content and "Go on?" in content
    refused = admin_client.post(page_of(execution) + "/actions/resume", {"approved": "maybe"})
    assert "approved" in [str(m) for m in get_messages(refused.wsgi_request)][0]
    assert Execution.objects.get(pk=execution.id).state == "PAUSED"
    admin_client.post(page_of(execution) + "/actions/resume", {"approved": "true"})
    thread.join(30)
    assert result["execution"].state == "SUCCESS"
    assert TaskRun.objects.get(execution_id=execution.id, task_id="after").outputs == {"value": "true"}
