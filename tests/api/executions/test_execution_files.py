"""GET /executions/{id}/file, /file/metas, /file/preview (Kestra's ExecutionController
#getFile, #getFileMetadatas, #getFilePreview): only that execution's files; another
execution's file or a `..` path is a 422, a missing file a 404."""
import pytest

from storage import internal_storage, layout

from ..conftest import assert_problem
from ..factories import execution

pytestmark = pytest.mark.django_db


@pytest.fixture
def files():
    execution("e1", namespace="team.a", flow_id="f")
    execution("e2", namespace="team.a", flow_id="f")
    own = layout.uri(layout.execution_folder("team.a", "f", "e1") + "/t/out.csv")
    other = layout.uri(layout.execution_folder("team.a", "f", "e2") + "/t/out.csv")
    internal_storage().put_bytes(own, b"a,b\n1,2\n3,4\n")
    internal_storage().put_bytes(other, b"secret\n")
    return own, other


def test_it_serves_the_executions_own_file(client, files):
    own, _ = files
    response = client.get("/api/v1/main/executions/e1/file", {"path": own})
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"a,b\n1,2\n3,4\n"
    assert 'filename="out.csv"' in response["Content-Disposition"]
    assert client.get("/api/v1/main/executions/e1/file/metas", {"path": own}).json() == {"size": 12}
    preview = client.get("/api/v1/main/executions/e1/file/preview", {"path": own, "maxRows": 2}).json()
    assert preview["content"] == "a,b\n1,2\n" and preview["truncated"] is True


def test_it_refuses_other_files(client, files):
    own, other = files
    assert_problem(client.get("/api/v1/main/executions/e1/file", {"path": other}), 422)
    assert_problem(client.get("/api/v1/main/executions/e1/file", {"path": own.replace("/t/", "/t/../../e2/t/")}), 422)
    assert_problem(client.get("/api/v1/main/executions/e1/file", {"path": "/etc/passwd"}), 422)
    assert_problem(client.get("/api/v1/main/executions/e1/file/metas", {"path": own + ".missing"}), 404)
    assert_problem(client.get("/api/v1/main/executions/nope/file", {"path": own}), 404)
    assert_problem(client.get("/api/v1/main/executions/e1/file/preview", {"path": own, "encoding": "nope"}), 422)
