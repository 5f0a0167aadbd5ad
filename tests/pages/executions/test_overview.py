"""The Overview tab: state, dates, the flow and its revision, inputs (a SECRET one
masked), labels (a form for writers once ended), trigger, parent execution, outputs."""
import pytest

from executions.encryption import ENCRYPTED_TYPE

from .conftest import execution, page_of

pytestmark = pytest.mark.django_db


def test_it_shows_the_executions_facts(admin_client, hello_run):
    content = admin_client.get(page_of(hello_run) + "/overview").content.decode()
    assert 'class="state state-SUCCESS"' in content
    assert '/ui/flows/edit/company.team/hello/revisions?revision=1">revision 1</a>' in content
    assert "<th>who</th><td class=\"mono\">World</td>" in content
    assert "env:dev" in content and "/actions/labels" in content
    assert "&quot;greeting&quot;: &quot;World&quot;" in content
    assert "Started by hand or by the API." in content


def test_it_links_a_subflows_parent_and_shows_its_trigger(admin_client):
    parent = {"executionId": "p1", "namespace": "company", "flowId": "main", "taskId": "call", "taskRunId": "t1"}
    execution("child", flow_id="sub", parent=parent, parent_id="p1",
              trigger={"id": "call", "type": "io.kestra.plugin.core.flow.Subflow", "variables": {"executionId": "p1"}},
              inputs={"token": {"type": ENCRYPTED_TYPE, "value": "c2VjcmV0"}})
    content = admin_client.get("/ui/executions/company/sub/child/overview").content.decode()
    assert '<a href="/ui/executions/company/main/p1/gantt">company.main p1</a> (task call)' in content
    assert "io.kestra.plugin.core.flow.Subflow" in content
    assert "<th>token</th><td class=\"mono\">******</td>" in content and "c2VjcmV0" not in content


def test_a_running_execution_offers_no_labels_form(admin_client):
    execution("live", flow_id="f", state="RUNNING")
    assert "/actions/labels" not in admin_client.get("/ui/executions/company/f/live/overview").content.decode()
