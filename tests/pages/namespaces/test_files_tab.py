"""The files tab browses folders, opens text files, and lets writers upload, edit and
delete; a viewer reads but cannot change (403, no buttons); paths stay inside."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from storage.namespace_file_tree import NamespaceFileTree
from tests.pages.conftest import grant

pytestmark = pytest.mark.django_db
URL = "/ui/namespaces/edit/company.team/files"


@pytest.fixture
def tree():
    files = NamespaceFileTree("company.team")
    files.write("scripts/etl.py", b"print('hi')\n")
    files.write("readme.md", b"# hello\n")
    return files


def test_it_lists_a_folder_and_its_subfolders(admin_client, tree):
    root = admin_client.get(URL)
    assert [path for _, path, _ in root.context["children"]] == ["readme.md", "scripts"]
    inner = admin_client.get(f"{URL}?path=scripts")
    assert [path for _, path, _ in inner.context["children"]] == ["scripts/etl.py"]


def test_it_shows_a_text_file(admin_client, tree):
    response = admin_client.get(f"{URL}/edit?path=scripts/etl.py")
    assert response.status_code == 200 and response.context["text"] == "print('hi')\n"


def test_a_writer_uploads_edits_and_deletes(admin_client, tree):
    upload = SimpleUploadedFile("data.csv", b"a,b\n1,2\n")
    assert admin_client.post(f"{URL}/upload", {"folder": "scripts", "file": upload}).status_code == 302
    assert tree.read("scripts/data.csv") == b"a,b\n1,2\n"
    admin_client.post(f"{URL}/save", {"path": "readme.md", "content": "# changed\r\nline\r\n"})
    assert tree.read("readme.md") == b"# changed\nline\n"
    admin_client.post(f"{URL}/delete", {"path": "scripts/etl.py"})
    assert [c.file_name for c in tree.children("scripts")] == ["data.csv"]


@pytest.mark.parametrize("path", ["../escape.txt", "_flows/x.yml", "", "/"])
def test_a_path_outside_the_files_is_refused_with_a_message(admin_client, tree, path):
    response = admin_client.post(f"{URL}/save", {"path": path, "content": "x"}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert admin_client.post(f"{URL}/delete", {"path": path}).status_code == 302
    assert tree.read("readme.md") == b"# hello\n"  # the root was not deleted


def test_a_missing_file_or_folder_is_not_found(admin_client, tree):
    assert admin_client.get(f"{URL}/edit?path=nope.txt").status_code == 404
    assert admin_client.get(f"{URL}?path=nope").status_code == 404
    assert admin_client.get(f"{URL}?path=../..").status_code == 404


def test_a_viewer_reads_but_cannot_change_files(alice_client, plain_user, tree):
    grant(plain_user, "viewer", "company.team")
    listing = alice_client.get(URL).content.decode()
    assert "readme.md" in listing and "Upload" not in listing and "Delete" not in listing
    page = alice_client.get(f"{URL}/edit?path=readme.md").content.decode()
    assert "# hello" in page and "<textarea" not in page
    assert alice_client.post(f"{URL}/save", {"path": "readme.md", "content": "x"}).status_code == 403
    assert alice_client.post(f"{URL}/delete", {"path": "readme.md"}).status_code == 403
    upload = SimpleUploadedFile("x.txt", b"x")
    assert alice_client.post(f"{URL}/upload", {"file": upload}).status_code == 403
    assert tree.read("readme.md") == b"# hello\n"


def test_a_user_without_a_role_gets_nothing(alice_client, tree):
    assert alice_client.get(f"{URL}/download?path=readme.md").status_code == 404
    assert alice_client.post(f"{URL}/delete", {"path": "readme.md"}).status_code == 404
    assert tree.read("readme.md") == b"# hello\n"
