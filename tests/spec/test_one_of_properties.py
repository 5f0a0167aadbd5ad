"""Properties that take one of several shapes are declared as such (Property kind
"one_of") and checked when the flow is saved: Kestra's NamespaceFiles `include` is a
pattern or a list of them, labels a map or a list of {key, value}."""
import pytest

from .helpers import errors_of, only_error


def subflow(extra: str) -> str:
    return f"""
        id: parent
        namespace: company.team
        tasks:
          - id: call
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            {extra}
        """


@pytest.mark.parametrize("labels", [
    "labels: {team: data}", "labels: [{key: team, value: data}]", 'labels: "{{ inputs.labels }}"'])
def test_labels_may_be_a_map_or_a_list_of_key_values(labels):
    assert errors_of(subflow(labels)) == []


def test_a_label_of_the_list_without_its_value_is_refused_where_it_is():
    error = only_error(subflow("labels: [{key: team}]"))
    assert (error.path, error.line) == ("tasks[0].labels[0].value", 8)
    assert error.message.startswith("required property missing of labels")


def test_labels_of_another_shape_are_refused():
    error = only_error(subflow("labels: team"))
    assert error.path == "tasks[0].labels"
    assert error.message == "must be a map or a list of maps, not 'team' (task 'call')"


@pytest.mark.parametrize("include, ok", [("'*.sql'", True), ("['*.sql', 'a/**']", True), ("{a: 1}", False)])
def test_namespace_files_patterns_are_one_or_a_list(include, ok):
    errors = errors_of(f"""
        id: files
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles:
              include: {include}
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
        """)
    assert (errors == []) is ok
    if not ok:
        assert [(e.path, e.line) for e in errors] == [("tasks[0].namespaceFiles.include", 7)]
