"""WorkingDirectory `namespaceFiles`: the namespace's files are copied into the folder
before the tasks run.

Follows Kestra's WorkingDirectory.preExecuteTasks with its NamespaceFiles property
(enabled, include, exclude, namespaces, folderPerNamespace, ifExists) and
NamespaceFilesUtils.loadNamespaceFiles; the first test is Kestra's
WorkingDirectoryTest.namespaceFiles (flow working-directory-namespace-files.yaml:
`exclude: [/ignore/**]`), the namespaces ones NamespaceFilesUtilsTest
(customNs, multiple_folder_ns_with_folder_per_ns), ifExists LocalWorkingDirTest.putFile.
What the folder holds is read back through the directory's `outputFiles`.
"""
import pytest

from storage import internal_storage
from storage.namespace_files import NamespaceFiles
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _flow(namespace_files: str, flow_id: str = "wd-ns-files") -> str:
    return f"""
        id: {flow_id}
        namespace: tests.nsfiles
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles: {namespace_files}
            outputFiles:
              - "**"
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: ok
    """


def _folder(run) -> dict[str, str]:
    """Relative path -> content of each file the directory held."""
    kept = run.one("wd").outputs.get("outputFiles", {})
    out = {}
    for relative, uri in kept.items():
        with internal_storage().open(uri) as handle:
            out[relative] = handle.read().decode()
    return out


def _put(namespace: str, files: dict[str, str]):
    for path, content in files.items():
        NamespaceFiles(namespace).write(path, content.encode())


def test_the_flow_namespace_files_are_copied_less_the_excluded_ones():
    _put("tests.nsfiles", {"/test/a/b/c/1.txt": "first", "/a/b/c/2.txt": "second",
                           "/a/b/3.txt": "third", "/ignore/4.txt": "4th"})
    run = run_flow(_flow("{enabled: true, exclude: [/ignore/**]}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"test/a/b/c/1.txt": "first", "a/b/c/2.txt": "second", "a/b/3.txt": "third"}
    assert any(m.startswith("Loaded 3 namespace files from 'tests.nsfiles' in ") for m in run.logs())


def test_include_and_exclude_combine():
    _put("tests.nsfiles", {"/a/b/c/2.txt": "second", "/a/b/3.txt": "third", "/other.txt": "other"})
    run = run_flow(_flow("{include: ['/a/**'], exclude: ['**/3.txt']}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"a/b/c/2.txt": "second"}


def test_include_is_rendered():
    _put("tests.nsfiles", {"/scripts/run.sh": "echo", "/data.csv": "a,b"})
    run = run_flow(_flow("{include: ['/{{ flow.id }}/**']}", flow_id="scripts"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"scripts/run.sh": "echo"}


def test_enabled_false_copies_nothing():
    _put("tests.nsfiles", {"/a.txt": "a"})
    run = run_flow(_flow("{enabled: false}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {}


def test_other_namespaces_can_each_have_their_own_folder():
    _put("tests.ns1", {"/test.txt": "one"})
    _put("tests.ns2", {"/test.txt": "two"})
    run = run_flow(_flow("{namespaces: [tests.ns1, tests.ns2], folderPerNamespace: true}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"tests.ns1/test.txt": "one", "tests.ns2/test.txt": "two"}
    assert any(m.startswith("Loaded 2 namespace files from 'tests.ns1, tests.ns2'") for m in run.logs())


def test_a_later_namespace_replaces_an_earlier_ones_file_by_default():
    _put("tests.ns1", {"/test.txt": "one", "/only-one.txt": "1"})
    _put("tests.ns2", {"/test.txt": "two"})
    run = run_flow(_flow("{namespaces: [tests.ns1, tests.ns2]}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"test.txt": "two", "only-one.txt": "1"}


def test_if_exists_warn_keeps_the_first_file_and_logs_a_warning():
    _put("tests.ns1", {"/test.txt": "one"})
    _put("tests.ns2", {"/test.txt": "two"})
    run = run_flow(_flow("{namespaces: [tests.ns1, tests.ns2], ifExists: WARN}"))
    assert run.state == "SUCCESS", run.logs()
    assert _folder(run) == {"test.txt": "one"}
    assert "File test.txt already exist. It will be ignore" in run.logs()


def test_if_exists_fail_fails_the_directory_before_its_tasks():
    _put("tests.ns1", {"/test.txt": "one"})
    _put("tests.ns2", {"/test.txt": "two"})
    run = run_flow(_flow("{namespaces: [tests.ns1, tests.ns2], ifExists: FAIL}"))
    assert run.state == "FAILED"
    assert run.of("inside") == []
    assert "Failed preExecuteTasks on WorkingDirectory: File test.txt already exist" in run.logs()


# An unknown key is refused when the flow is saved: tests/spec/test_working_directory_objects.py


def test_a_bad_if_exists_value_is_named():
    """A rendered value can only be checked once rendered, at run time."""
    run = run_flow(_flow("{ifExists: \"{{ 'REPLACE' }}\"}"))
    assert run.state == "FAILED"
    assert any("namespaceFiles.ifExists must be one of OVERWRITE, FAIL, WARN, IGNORE, got 'REPLACE'" in m
               for m in run.logs())
