"""An execution's admin page shows what Kestra's execution page shows: its taskruns
(tree order, states, durations, attempts: the Gantt tab), its logs (the Logs tab,
newest last), its inputs with SECRET inputs masked, and its outputs. Executions,
taskruns and logs are written by the engine only: the admin cannot add, change or
delete them."""
import re

import pytest
from django.urls import reverse

from executions.admin_execution_page import MASK
from executions.models import LogEntry, TaskRun
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: nested
namespace: tests.admin
inputs:
  - id: token
    type: SECRET
  - id: who
    type: STRING
tasks:
  - id: outer
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: first
        type: io.kestra.plugin.core.log.Log
        message: "first for {{ inputs.who }}"
      - id: second
        type: io.kestra.plugin.core.debug.Return
        format: "second"
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: last
outputs:
  - id: said
    type: STRING
    value: "{{ outputs.second.value }}"
"""


@pytest.fixture
def run():
    return run_flow(FLOW, {"token": "hunter2-secret", "who": "Ada"})


def _page(client, execution) -> str:
    response = client.get(reverse("admin:executions_execution_change", args=[execution.id]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_taskruns_in_tree_order_with_state_duration_and_attempts(admin_client, run):
    assert run.state == "SUCCESS"
    page = _page(admin_client, run.execution)
    rows = re.findall(r'<tr class="taskrun state-(\w+)"><td style="padding-left: ([\d.]+)em">([^<]+)</td>'
                      r'<td>\w+</td><td>[^<]*</td><td>([\d.]+s)</td><td>(\d+)</td>', page)
    assert [(state, indent, task) for state, indent, task, _, _ in rows] == [
        ("success", "0.0", "outer"), ("success", "1.5", "first"), ("success", "1.5", "second"),
        ("success", "0.0", "last")]
    attempts = {task: count for _, _, task, _, count in rows}
    assert attempts["first"] == attempts["second"] == attempts["last"] == "1"


def test_it_shows_the_logs_newest_last(admin_client, run):
    page = _page(admin_client, run.execution)
    messages = re.findall(r'<tr class="log level-info"><td>[^<]+</td><td>INFO</td><td>(\w+)</td><td><pre[^>]*>([^<]*)',
                          page)
    assert messages == [("first", "first for Ada"), ("last", "last")]


def test_a_secret_input_stays_masked_and_outputs_are_shown(admin_client, run):
    page = _page(admin_client, run.execution)
    assert "hunter2-secret" not in page
    assert f"&quot;token&quot;: &quot;{MASK}&quot;" in page
    assert "&quot;who&quot;: &quot;Ada&quot;" in page
    assert "&quot;said&quot;: &quot;second&quot;" in page


def test_executions_taskruns_and_logs_cannot_be_added_changed_or_deleted(admin_client, run):
    execution = run.execution
    taskrun = TaskRun.objects.filter(execution=execution).first()
    log = LogEntry.objects.filter(execution_id=execution.id).first()
    for model, pk in (("execution", execution.pk), ("taskrun", taskrun.pk), ("logentry", log.pk)):
        assert admin_client.get(reverse(f"admin:executions_{model}_add")).status_code == 403
        assert admin_client.post(reverse(f"admin:executions_{model}_change", args=[pk]), {}).status_code == 403
        assert admin_client.get(reverse(f"admin:executions_{model}_delete", args=[pk])).status_code == 403
        changelist = admin_client.get(reverse(f"admin:executions_{model}_changelist")).content.decode()
        assert "delete_selected" not in changelist
    execution.refresh_from_db()
    assert execution.state == "SUCCESS"
    page = _page(admin_client, execution)
    assert 'name="_save"' not in page


def test_a_long_execution_shows_its_newest_logs_and_first_taskruns_within_the_page_limits(admin_client, settings):
    settings.EXECUTION_PAGE_MAX_LOGS = 2
    settings.EXECUTION_PAGE_MAX_TASKRUNS = 3
    run = run_flow("""
        id: long
        namespace: tests.admin
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b, c, d]
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "say {{ taskrun.value }}"
        """)
    page = _page(admin_client, run.execution)
    assert re.findall(r"<pre[^>]*>(say \w)</pre>", page) == ["say c", "say d"]
    assert "The newest 2 of 4 lines (EXECUTION_PAGE_MAX_LOGS)" in page
    assert re.findall(r'<tr class="taskrun state-success"><td[^>]*>([^<]+)</td>', page) == [
        "each", "say [a]", "say [b]"]
    assert "The first 3 of 5 taskruns (EXECUTION_PAGE_MAX_TASKRUNS)" in page
    assert f"?execution__id__exact={run.execution.id}" in page and f"?execution_id__exact={run.execution.id}" in page
    links = re.findall(r'<a href="([^"]+__exact=[^"]+)">all of them</a>', page)
    listed = [admin_client.get(link).content.decode() for link in links]
    assert len(listed) == 2 and "5 task runs" in listed[0] and "4 log entrys" in listed[1]
