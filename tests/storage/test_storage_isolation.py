"""A flow reads only the files of its own execution, of its namespace's executions, of
the execution that started it, and its namespace files: Kestra's
AbstractFileFunction#checkAllowedFileAndReturnNamespace (ReadFileFunctionTest,
FileSizeFunctionTest, FileExistsFunctionTest, IsFileEmptyFunctionTest), held for every
file function and for ForEachItem's `items`."""
import pytest

from executions.models import Execution
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

WRITER = """
    id: writer
    namespace: {namespace}
    tasks:
      - id: wd
        type: io.kestra.plugin.core.flow.WorkingDirectory
        inputFiles:
          data.txt: "private to {namespace}"
        outputFiles:
          - data.txt
        tasks:
          - id: noop
            type: io.kestra.plugin.core.debug.Return
            format: "-"
"""

READER = """
    id: {flow_id}
    namespace: {namespace}
    inputs:
      - id: uri
        type: STRING
    tasks:
      - id: use
        type: io.kestra.plugin.core.debug.Return
        format: "{{{{ {function}(inputs.uri) }}}}"
"""


def stored_file(namespace: str = "tests.isolation.a") -> str:
    run = run_flow(WRITER.format(namespace=namespace))
    assert run.state == "SUCCESS", run.logs()
    return run.one("wd").outputs["outputFiles"]["data.txt"]


def read_with(function: str, uri: str, namespace: str, flow_id: str = "reader"):
    return run_flow(READER.format(flow_id=flow_id, namespace=namespace, function=function), {"uri": uri})


@pytest.mark.parametrize("function", ["read", "fileExists", "fileSize", "isFileEmpty"])
def test_another_namespace_s_file_is_refused_by_every_file_function(function):
    uri = stored_file("tests.isolation.a")
    run = read_with(function, uri, "tests.isolation.b")
    assert run.state == "FAILED"
    assert any(f"Unable to read the file '{uri}' as it didn't belong to the current execution" in line
               for line in run.logs()), run.logs()


def test_a_parent_namespace_may_not_read_a_child_namespace_s_file():
    # kestra:///tests/isolation/a/writer/...: starts like a flow `a` of tests.isolation
    uri = stored_file("tests.isolation.a")
    run = read_with("read", uri, "tests.isolation")
    assert run.state == "FAILED"
    assert any("didn't belong to the current execution" in line for line in run.logs()), run.logs()


@pytest.mark.parametrize("uri", [
    "kestra:///../..",
    "kestra:///tests/isolation/b/reader/executions/x/tasks/../../../../a/writer/executions/y/tasks/wd/z/data.txt",
])
@pytest.mark.parametrize("function", ["read", "fileExists", "fileSize"])
def test_a_path_climbing_with_dots_is_refused(function, uri):
    run = read_with(function, uri, "tests.isolation.b")
    assert run.state == "FAILED"
    assert any("File should be accessed with their full path and not using relative '..' path." in line
               for line in run.logs()), run.logs()


def test_for_each_item_refuses_items_of_another_namespace():
    uri = stored_file("tests.isolation.a")
    run = run_flow("""
        id: splitter
        namespace: tests.isolation.b
        inputs:
          - id: uri
            type: STRING
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ inputs.uri }}"
            namespace: tests.isolation.b
            flowId: reader
            inputs:
              uri: "{{ taskrun.items }}"
    """, {"uri": uri})
    assert run.state == "FAILED"
    assert any(f"Unable to read the file '{uri}' as it didn't belong to the current execution" in line
               for line in run.logs()), run.logs()


def test_a_flow_reads_its_own_execution_s_files():
    run = run_flow("""
        id: own
        namespace: tests.isolation.a
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              data.txt: "mine"
            outputFiles:
              - data.txt
            tasks:
              - id: noop
                type: io.kestra.plugin.core.debug.Return
                format: "-"
          - id: use
            type: io.kestra.plugin.core.debug.Return
            format: >-
              {{ read(outputs.wd.outputFiles['data.txt']) }} {{ fileSize(outputs.wd.outputFiles['data.txt']) }}
              {{ fileExists(outputs.wd.outputFiles['data.txt']) }} {{ isFileEmpty(outputs.wd.outputFiles['data.txt']) }}
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("use").outputs == {"value": "mine 4 true false"}


def test_another_execution_of_the_same_flow_and_of_the_namespace_may_be_read():
    uri = stored_file("tests.isolation.a")
    same_flow = run_flow(READER.format(flow_id="writer", namespace="tests.isolation.a", function="read")
                         .replace("id: use", "id: use\n        description: same flow id, new revision"),
                         {"uri": uri})
    assert same_flow.state == "SUCCESS", same_flow.logs()
    other_flow = read_with("read", uri, "tests.isolation.a", flow_id="other-reader")
    assert other_flow.state == "SUCCESS", other_flow.logs()
    assert other_flow.one("use").outputs == {"value": "private to tests.isolation.a"}


def test_a_subflow_in_another_namespace_reads_its_parent_s_files():
    run_flow(READER.format(flow_id="reader", namespace="tests.isolation.b", function="read"), {"uri": "-"})
    run = run_flow("""
        id: parent
        namespace: tests.isolation.a
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            inputFiles:
              data.txt: "from the parent"
            outputFiles:
              - data.txt
            tasks:
              - id: noop
                type: io.kestra.plugin.core.debug.Return
                format: "-"
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.isolation.b
            flowId: reader
            inputs:
              uri: "{{ outputs.wd.outputFiles['data.txt'] }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    child = Execution.objects.get(pk=run.one("call").outputs["executionId"])
    assert child.state == "SUCCESS"
    assert child.taskruns.get(task_id="use").outputs == {"value": "from the parent"}


def test_a_subflow_may_not_read_files_of_an_execution_other_than_its_parent():
    uri = stored_file("tests.isolation.c")
    run_flow(READER.format(flow_id="reader", namespace="tests.isolation.b", function="read"), {"uri": "-"})
    run = run_flow("""
        id: parent
        namespace: tests.isolation.a
        inputs:
          - id: uri
            type: STRING
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: tests.isolation.b
            flowId: reader
            inputs:
              uri: "{{ inputs.uri }}"
    """, {"uri": uri})
    child = Execution.objects.get(pk=run.one("call").outputs["executionId"])
    assert child.state == "FAILED"
