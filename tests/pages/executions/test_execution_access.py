"""One execution's pages: a user without the namespace's role gets a 404 on every tab
and action; a viewer reads every tab but sees no action button and gets a 403 on each."""
import pytest

from executions.models import Execution

from .conftest import page_of

pytestmark = pytest.mark.django_db

TABS = ["", "/gantt", "/gantt/live", "/overview", "/logs", "/logs/tail", "/logs/download", "/outputs",
        "/file?path=kestra:///x", "/file/preview?path=kestra:///x"]
ACTIONS = ["kill", "pause", "resume", "restart", "replay", "taskrun-state", "labels", "delete"]


def test_a_user_without_the_role_gets_404_everywhere(alice_client, hello_run):
    base = page_of(hello_run)
    for tab in TABS:
        assert alice_client.get(base + tab).status_code == 404, tab
    for action in ACTIONS:
        assert alice_client.post(f"{base}/actions/{action}").status_code == 404, action


def test_a_wrong_flow_in_the_path_is_a_404(admin_client, hello_run):
    e = hello_run.execution
    assert admin_client.get(f"/ui/executions/{e.namespace}/other/{e.id}/gantt").status_code == 404


def test_a_viewer_reads_but_cannot_act(viewer_client, hello_run):
    base = page_of(hello_run)
    for tab in ("/gantt", "/overview", "/logs", "/outputs"):
        response = viewer_client.get(base + tab)
        assert response.status_code == 200, tab
        content = response.content.decode()
        assert "/actions/" not in content, tab
    for action in ACTIONS:
        assert viewer_client.post(f"{base}/actions/{action}").status_code == 403, action
    assert Execution.objects.filter(pk=hello_run.execution.id).exists()


def test_a_writer_sees_the_actions(admin_client, hello_run):
    content = admin_client.get(page_of(hello_run) + "/gantt").content.decode()
    for action in ("restart", "replay", "delete", "taskrun-state"):
        assert f"/actions/{action}" in content
