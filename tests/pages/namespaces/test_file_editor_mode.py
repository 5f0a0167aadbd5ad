"""A writer edits a namespace file in the code editor, in the mode of its extension,
with the textarea kept as the form's field (and the editor without JavaScript); a
reader gets the text, no editor."""
import pytest

from kestraweb.pages.namespaces.file_language import language_of
from storage.namespace_file_tree import NamespaceFileTree
from tests.pages.conftest import grant

pytestmark = pytest.mark.django_db
URL = "/ui/namespaces/edit/company.team/files/edit"


@pytest.mark.parametrize(("path", "language"), [
    ("flows/conf.yml", "yaml"), ("a.YAML", "yaml"), ("scripts/etl.py", "python"), ("q.sql", "sql"),
    ("run.sh", "shell"), ("data.json", "json"), ("notes.txt", ""), ("Makefile", ""), (".hidden/readme", ""),
])
def test_the_mode_follows_the_extension(path, language):
    assert language_of(path) == language


def test_a_writer_gets_the_editor_in_the_files_mode_over_the_textarea(admin_client):
    NamespaceFileTree("company.team").write("conf.yml", b"key: value\n")
    html = admin_client.get(f"{URL}?path=conf.yml").content.decode()
    assert 'class="stacked-form file-editor" data-language="yaml"' in html
    assert '<textarea id="file-content" name="content"' in html and "key: value" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "vendor/editor.js" in html and "js/namespace-file-editor.js" in html
    assert '<script id="file-languages" type="application/json">' in html


def test_a_new_file_gets_the_editor_too(admin_client):
    html = admin_client.get(URL).content.decode()
    assert 'class="stacked-form file-editor" data-language=""' in html and "js/namespace-file-editor.js" in html


def test_a_reader_gets_the_text_without_an_editor(alice_client, plain_user):
    NamespaceFileTree("company.team").write("conf.yml", b"key: value\n")
    grant(plain_user, "viewer", "company")
    html = alice_client.get(f"{URL}?path=conf.yml").content.decode()
    assert '<pre id="file-content">key: value' in html and "namespace-file-editor.js" not in html
