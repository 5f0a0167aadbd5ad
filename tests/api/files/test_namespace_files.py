"""Namespace files through the API (Kestra's NamespaceFileController: multipart part
`fileContent`, move with from/to, directory listing of FileAttributes, stats, search by
path, zip export); paths never leave the namespace's files."""
import io
import zipfile

import pytest

from kestraweb.models import RoleBinding
from storage.namespace_files import NamespaceFiles

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db
URL = "/api/v1/main/namespaces/company/files"


def upload(client, path, data=b"print(1)"):
    return client.post(f"{URL}?path={path}", {"fileContent": io.BytesIO(data)}, format="multipart")


def names(response):
    assert response.status_code == 200, response.content
    return [(row["fileName"], row["type"]) for row in response.json()]


def test_it_uploads_reads_and_lists_files(client):
    assert upload(client, "/scripts/etl.py").status_code == 200
    assert NamespaceFiles("company").read("scripts/etl.py") == b"print(1)"  # what flows read
    assert client.get(f"{URL}?path=/scripts/etl.py").content == b"print(1)"
    assert names(client.get(f"{URL}/directory")) == [("scripts", "Directory")]
    assert names(client.get(f"{URL}/directory?path=/scripts")) == [("etl.py", "File")]
    stats = client.get(f"{URL}/stats?path=/scripts/etl.py").json()
    assert (stats["fileName"], stats["type"], stats["size"]) == ("etl.py", "File", 8)
    assert stats["lastModifiedTime"] > 1_600_000_000_000 and stats["creationTime"] > 1_600_000_000_000


def test_it_moves_deletes_and_makes_directories(client):
    upload(client, "/a/one.txt", b"1")
    assert client.post(f"{URL}/directory?path=/empty").status_code == 200
    assert client.put(f"{URL}?from=/a&to=/b/moved").status_code == 200
    assert client.get(f"{URL}?path=/b/moved/one.txt").content == b"1"
    assert_problem(client.get(f"{URL}?path=/a/one.txt"), 404)
    assert client.delete(f"{URL}?path=/b").status_code == 200
    assert names(client.get(f"{URL}/directory")) == [("empty", "Directory")]


def test_it_searches_and_exports(client):
    upload(client, "/scripts/etl.py")
    upload(client, "/sql/query.sql", b"select 1")
    assert client.get(f"{URL}/search?q=scr").json() == ["/scripts/etl.py"]
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{URL}/export").content))
    assert sorted(archive.namelist()) == ["scripts/etl.py", "sql/query.sql"]
    assert archive.read("sql/query.sql") == b"select 1"


@pytest.mark.parametrize("path", ["../escape.txt", "/a/../../escape.txt", "/_flows/x.yml"])
def test_it_refuses_paths_leaving_the_namespace(client, path):
    assert_problem(upload(client, path), 422)
    assert_problem(client.get(f"{URL}?path={path}"), 422)
    assert assert_problem(client.put(f"{URL}?from={path}&to=/x"), 422)["errors"][0]["pointer"] == "from"
    upload(client, "/kept.txt", b"kept")
    moved_out = assert_problem(client.put(f"{URL}?from=/kept.txt&to={path}"), 422)
    assert moved_out["errors"][0]["pointer"] == "to"  # the parameter at fault is named


def test_a_path_holding_a_nul_is_refused_before_it_reaches_the_files(client):
    """The API refuses a NUL anywhere in a query (ProblemMiddleware): 400, nothing stored."""
    for response in (upload(client, "a%00b"), client.get(f"{URL}?path=a%00b"), client.put(f"{URL}?from=a%00b&to=/x")):
        assert_problem(response, 400)
    assert client.get(f"{URL}/directory").json() == []


def test_missing_files_and_bad_namespaces(client):
    assert_problem(client.get(f"{URL}?path=/nope"), 404)
    assert_problem(client.get(f"{URL}/directory?path=/nope"), 404)
    assert_problem(client.get(URL), 422)
    assert_problem(client.get("/api/v1/main/namespaces/a..b/files/directory"), 422)


def test_a_viewer_reads_but_cannot_change_files(alice, plain_user, client):
    upload(client, "/f.txt", b"x")
    assert_problem(alice.get(f"{URL}?path=/f.txt"), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert alice.get(f"{URL}?path=/f.txt").content == b"x"
    assert_problem(upload(alice, "/g.txt"), 403)
    assert_problem(alice.delete(f"{URL}?path=/f.txt"), 403)
    assert_problem(alice.put(f"{URL}?from=/f.txt&to=/h.txt"), 403)
    assert_problem(alice.post(f"{URL}/directory?path=/d"), 403)
    assert names(alice.get(f"{URL}/directory")) == [("f.txt", "File")]


@pytest.mark.django_db(transaction=True)
def test_the_client_manages_namespace_files(kestra_client):
    files = kestra_client.files
    files.create_namespace_file("company", "/conf/app.json", "main", file_content=b'{"a": 1}')
    assert files.file_content("company", "/conf/app.json", "main") == b'{"a": 1}'
    assert [(f.file_name, f.type) for f in files.list_namespace_directory_files("company", "main", path="/conf")] \
        == [("app.json", "File")]
    assert files.file_metadatas("company", "main", path="/conf/app.json").size == 8
    assert files.search_namespace_files("company", "app", "main") == ["/conf/app.json"]
    files.move_file_directory("company", "/conf/app.json", "/conf/renamed.json", "main")
    files.delete_file_directory("company", "/conf/renamed.json", "main")
    assert files.list_namespace_directory_files("company", "main", path="/conf") == []
