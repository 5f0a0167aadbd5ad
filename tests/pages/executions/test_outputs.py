"""The Outputs tab: each taskrun's outputs as JSON, the files they name previewed
(the beginning of the text) and downloaded; only the execution's own files."""
import pytest

from executions.models import TaskRun
from storage import internal_storage, layout

from .conftest import page_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_file(hello_run, settings):
    e = hello_run.execution
    uri = layout.uri(layout.execution_folder(e.namespace, e.flow_id, e.id) + "/hello/out.csv")
    internal_storage().put_bytes(uri, b"name,count\n" + b"".join(b"row%d,%d\n" % (i, i) for i in range(100)))
    TaskRun.objects.filter(execution=e, task_id="hello").update(outputs={"uri": uri, "rows": 100})
    other = layout.uri(layout.execution_folder(e.namespace, e.flow_id, "someoneelse") + "/t/secret.txt")
    internal_storage().put_bytes(other, b"secret\n")
    return hello_run, uri, other


def test_it_shows_taskrun_outputs_and_the_flows(admin_client, with_file):
    run, uri, _ = with_file
    content = admin_client.get(page_of(run) + "/outputs").content.decode()
    assert "&quot;rows&quot;: 100" in content
    assert "Flow outputs" in content and "&quot;greeting&quot;: &quot;World&quot;" in content
    assert f'<span class="mono">{uri}</span>' in content and "/file/preview?path=kestra%3A//" in content


def test_it_previews_the_beginning_of_a_file(admin_client, with_file, settings):
    run, uri, _ = with_file
    settings.OUTPUT_PREVIEW_BYTES = 40
    response = admin_client.get(page_of(run) + "/file/preview", {"path": uri})
    content = response.content.decode()
    assert response.status_code == 200 and "name,count\nrow0,0\nrow1,1\n" in content
    assert "row9,9" not in content and "download it for all" in content


def test_it_downloads_a_file(admin_client, with_file):
    run, uri, _ = with_file
    response = admin_client.get(page_of(run) + "/file", {"path": uri})
    assert response.status_code == 200 and 'filename="out.csv"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"name,count\nrow0,0\n")


def test_it_refuses_another_executions_file_and_a_missing_one(admin_client, with_file):
    run, uri, other = with_file
    assert admin_client.get(page_of(run) + "/file", {"path": other}).status_code == 400
    escaping = uri.replace("out.csv", "../../x")
    assert admin_client.get(page_of(run) + "/file/preview", {"path": escaping}).status_code == 400
    assert admin_client.get(page_of(run) + "/file", {"path": uri + ".gone"}).status_code == 404
    assert admin_client.get(page_of(run) + "/file", {"path": "/etc/passwd"}).status_code == 400
