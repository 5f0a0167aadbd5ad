"""A WorkingDirectory's patterns are a user's, run over every file: a hostile one must
not freeze the process. Globs (`outputFiles`, namespaceFiles `include`/`exclude`, as
Kestra's PathMatcherPredicate reads them) are matched without backtracking; a `regex:`
pattern runs under the regex time limit as every other user regex, so the task fails
naming KESTRAWEB_REGEX_TIMEOUT (Kestra's WorkingDirectory.preExecuteTasks failure)."""
import pytest

from storage.namespace_files import NamespaceFiles
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

HOSTILE_GLOB = "*a" * 25 + "*b"


def test_a_hostile_output_files_glob_keeps_only_what_matches():
    run = run_flow(f"""
        id: wd-hostile-glob
        namespace: tests.hostile
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              {"a" * 200}: no b
              {"a" * 200}b: ends with b
            outputFiles:
              - "{HOSTILE_GLOB}"
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: ok
    """)
    assert run.state == "SUCCESS", run.logs()
    assert list(run.one("wd").outputs["outputFiles"]) == ["a" * 200 + "b"]


def test_a_catastrophic_regex_include_fails_the_task_naming_the_limit():
    NamespaceFiles("tests.hostile").write("a" * 40 + "!", b"victim")
    run = run_flow("""
        id: wd-hostile-regex
        namespace: tests.hostile
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles:
              include: ["regex:/(a|aa)+"]
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: ok
    """)
    assert run.state == "FAILED"
    assert run.of("inside") == []
    assert any("Failed preExecuteTasks on WorkingDirectory" in m and "KESTRAWEB_REGEX_TIMEOUT" in m
               for m in run.logs()), run.logs()

    after = run_flow("""
        id: wd-after-hostile
        namespace: tests.hostile
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles:
              include: ["regex:/a+!"]
            outputFiles: ["*"]
            tasks:
              - id: inside
                type: io.kestra.plugin.core.debug.Return
                format: ok
    """)
    assert after.state == "SUCCESS", after.logs()
    assert list(after.one("wd").outputs["outputFiles"]) == ["a" * 40 + "!"]
