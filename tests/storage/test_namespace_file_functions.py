"""`read`, `fileExists`, `fileSize`, `isFileEmpty` and `fileURI` given a namespace file
path instead of a kestra:// URI, as Kestra's AbstractFileFunction, FileURIFunction and
IsFileEmptyFunction read them (ReadFileFunctionTest#readNamespaceFile,
FileURIFunctionTest, IsFileEmptyFunctionTest)."""
import pytest

from storage.namespace_files import NamespaceFiles
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def render(expression: str, namespace: str = "tests.nsfiles"):
    return run_flow(f"""
        id: use-files
        namespace: {namespace}
        tasks:
          - id: use
            type: io.kestra.plugin.core.debug.Return
            format: "{expression}"
    """)


@pytest.fixture(autouse=True)
def files():
    NamespaceFiles("tests.nsfiles").write("conf/app.txt", b"hello")
    NamespaceFiles("tests.nsfiles").write("empty.txt", b"")
    NamespaceFiles("tests.other").write("conf/app.txt", b"not yours")


def test_functions_read_the_flow_s_namespace_files_by_path():
    run = render("{{ read('conf/app.txt') }} {{ fileSize('/conf/app.txt') }} {{ fileExists('conf/app.txt') }} "
                 "{{ fileExists('conf/nope.txt') }} {{ isFileEmpty('empty.txt') }} {{ isFileEmpty('conf/app.txt') }}")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("use").outputs == {"value": "hello 5 true false true false"}


def test_file_uri_gives_the_namespace_file_s_kestra_uri_which_reads_back():
    run = render("{{ fileURI('conf/app.txt') }} {{ read(fileURI('conf/app.txt')) }}")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("use").outputs == {"value": "kestra:///tests/nsfiles/_files/conf/app.txt hello"}


def test_file_uri_refuses_a_path_climbing_out():
    run = render("{{ fileURI('../other/_files/conf/app.txt') }}")
    assert run.state == "FAILED"
    assert any("Path must not contain '../'" in line for line in run.logs()), run.logs()


@pytest.mark.parametrize("expression", [
    "{{ read('conf/app.txt', namespace='tests.other') }}",
    "{{ fileExists('conf/app.txt', 'tests.other') }}",
])
def test_another_namespace_s_files_are_refused(expression):
    run = render(expression)
    assert run.state == "FAILED"
    assert any("Namespace tests.other is not allowed." in line for line in run.logs()), run.logs()


def test_another_namespace_s_file_uri_is_refused():
    uri = NamespaceFiles("tests.other").uri("conf/app.txt")
    run = render(f"{{{{ read('{uri}') }}}}")
    assert run.state == "FAILED"
    assert any(f"Unable to read the file '{uri}' as it didn't belong to the current execution" in line
               for line in run.logs()), run.logs()


def test_other_uri_schemes_are_refused():
    run = render("{{ read('file:///etc/passwd') }}")
    assert run.state == "FAILED"
    assert any("Cannot process the URI file:///etc/passwd: scheme not supported." in line for line in run.logs())


def test_a_missing_namespace_file_fails_the_read_naming_it():
    run = render("{{ read('conf/nope.txt') }}")
    assert run.state == "FAILED"
    assert any("conf/nope.txt" in line for line in run.logs()), run.logs()


@pytest.mark.parametrize("function", ["read", "fileSize", "isFileEmpty"])
def test_a_folder_is_not_a_file_and_its_place_on_disk_is_not_shown(function, settings):
    run = render(f"{{{{ {function}('conf') }}}}")
    assert run.state == "FAILED"
    assert any("file not found in internal storage: kestra:///tests/nsfiles/_files/conf" in line
               for line in run.logs()), run.logs()
    assert not any(str(settings.STORAGE_DIR) in line for line in run.logs())
