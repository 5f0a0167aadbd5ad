"""Which paths storage.access.ExecutionStorage lets one execution read, path by path
(the rule of Kestra's AbstractFileFunction#isFileUriValid and
checkIfFileFromAllowedNamespaceAndReturnIt, with a namespace allowed only itself)."""
import pytest

from storage import layout
from storage.access import ExecutionRef, ExecutionStorage, FileNotAllowed

OWN = ExecutionRef("company.team", "etl", "OwnExecution1")
PARENT = ExecutionRef("company.parent", "caller", "ParentExecution1")
storage = ExecutionStorage(OWN, parent=PARENT)


@pytest.mark.parametrize("uri", [
    layout.taskrun_file("company.team", "etl", "OwnExecution1", "t", "tr", "out.csv"),
    layout.input_file("company.team", "etl", "OwnExecution1", "file", "in.csv"),
    layout.taskrun_file("company.team", "etl", "OtherExecution", "t", "tr", "out.csv"),
    layout.taskrun_file("company.team", "other-flow", "OtherExecution", "t", "tr", "out.csv"),
    layout.namespace_file("company.team", "scripts/a.py"),
    layout.taskrun_file("company.parent", "caller", "ParentExecution1", "t", "tr", "batch-0.csv"),
    layout.namespace_file("company.parent", "scripts/a.py"),
])
def test_it_allows_own_namespace_and_parent_files(uri):
    assert storage.check(uri) == uri


@pytest.mark.parametrize("uri", [
    layout.taskrun_file("company.other", "etl", "X", "t", "tr", "out.csv"),
    layout.taskrun_file("company", "team", "X", "t", "tr", "out.csv"),
    # namespace company.team.etl, flow `executions`: as company.team's flow `etl`, the id would be `executions`
    layout.taskrun_file("company.team.etl", "executions", "X", "t", "tr", "out.csv"),
    layout.taskrun_file("company.parent", "caller", "OtherParentExecution", "t", "tr", "out.csv"),
    layout.namespace_file("company.other", "scripts/a.py"),
    layout.uri("/company/team/etl/executions/OwnExecution1"),
    layout.uri("/company/team/etl"),
])
def test_it_refuses_everything_else(uri):
    with pytest.raises(FileNotAllowed, match="didn't belong to the current execution"):
        storage.check(uri)


def test_it_refuses_dots_before_reading_the_rest():
    uri = layout.taskrun_file("company.team", "etl", "OwnExecution1", "..", "..", "../../../../other/x")
    with pytest.raises(FileNotAllowed, match="not using relative '..' path"):
        storage.check(uri)


def test_without_a_parent_only_its_namespace_is_allowed():
    alone = ExecutionStorage(OWN)
    with pytest.raises(FileNotAllowed):
        alone.check(layout.taskrun_file("company.parent", "caller", "ParentExecution1", "t", "tr", "x"))


def test_a_parent_is_read_from_a_subflow_trigger_only_when_complete():
    assert ExecutionRef.of_trigger({"namespace": "n", "flowId": "f", "executionId": "e"}) == ExecutionRef("n", "f", "e")
    assert ExecutionRef.of_trigger({"namespace": "n", "flowId": "f"}) is None
    assert ExecutionRef.of_trigger({"body": {"namespace": "n"}}) is None
    assert ExecutionRef.of_trigger(None) is None
