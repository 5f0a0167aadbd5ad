"""An execution created in the admin is run by the cluster, not by the web process: as
Kestra's webserver only emits the new execution to its queue and the executor and
workers (here a `runcluster` in its own process) run it. The execution page then shows
what ran."""
import re
import signal

import pytest
from django.urls import reverse

from executions.models import Execution, LogEntry
from flows.services import save_flow
from tests.subprocesses import manage_env, start_manage, wait_while_running

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: greet
namespace: tests.cluster
inputs:
  - id: who
    type: STRING
  - id: times
    type: INT
    defaults: 2
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: "{{ range(1, inputs.times) }}"
    tasks:
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: "Hello {{ inputs.who }} #{{ taskrun.value }}"
"""


@pytest.fixture
def cluster(tmp_path):
    proc = start_manage("runcluster", env=manage_env(tmp_path))
    yield proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=120)
        except Exception:
            proc.kill()
            proc.wait()


def test_an_execution_submitted_in_the_admin_runs_in_the_cluster(admin_client, cluster):
    flow = save_flow(FLOW)[0]
    response = admin_client.post(reverse("admin:flows_flow_execute", args=[flow.pk]), {"who": "Ada", "times": "3"})
    assert response.status_code == 302
    execution = Execution.objects.get(flow_id="greet")
    assert response["Location"] == reverse("admin:executions_execution_change", args=[execution.id])

    wait_while_running(cluster, lambda: Execution.objects.get(pk=execution.id).is_terminal, "the execution ended")
    execution.refresh_from_db()
    assert execution.state == "SUCCESS"
    assert list(LogEntry.objects.filter(execution_id=execution.id).order_by("timestamp", "id")
                .values_list("message", flat=True)) == ["Hello Ada #1", "Hello Ada #2", "Hello Ada #3"]

    page = admin_client.get(response["Location"]).content.decode()
    tasks = re.findall(r'<tr class="taskrun state-success"><td[^>]*>([^<]+)</td>', page)
    assert tasks == ["each", "hello [1]", "hello [2]", "hello [3]"]
    assert re.findall(r"<pre[^>]*>(Hello Ada #\d)</pre>", page) == ["Hello Ada #1", "Hello Ada #2", "Hello Ada #3"]
