"""Concat and Size as Kestra's io.kestra.plugin.core.storage.Concat and Size: files
joined in order with the separator written after each, and a size in bytes."""
import pytest

from tests.core.storage_flows import read_stored, with_files
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_concatenates_files_with_a_separator_after_each():
    run = run_flow(with_files("concat", {"a.txt": "one", "b.txt": "two"}, """
        - id: concat
          type: io.kestra.plugin.core.storage.Concat
          separator: "|"
          extension: .csv
          files:
            - "{{ outputs.files.uris['a.txt'] }}"
            - "{{ outputs.files.uris['b.txt'] }}"
        - id: size
          type: io.kestra.core.tasks.storages.Size
          uri: "{{ outputs.concat.uri }}"
    """))
    assert run.state == "SUCCESS", run.logs()
    uri = run.one("concat").outputs["uri"]
    assert uri.endswith(".csv")
    assert read_stored(uri) == "one|two|"
    assert run.one("size").outputs == {"size": 8}


def test_files_may_be_an_expression_rendering_a_json_list():
    run = run_flow(with_files("concat_json", {"a.txt": "x", "b.txt": "y"}, """
        - id: concat
          type: io.kestra.core.tasks.storages.Concat
          files: "{{ [outputs.files.uris['b.txt'], outputs.files.uris['a.txt']] | toJson }}"
    """))
    assert run.state == "SUCCESS", run.logs()
    assert read_stored(run.one("concat").outputs["uri"]) == "yx"


def test_a_file_of_another_namespace_is_refused():
    run = run_flow("""
        id: concat_other
        namespace: tests.storage
        tasks:
          - id: concat
            type: io.kestra.plugin.core.storage.Concat
            files: ["kestra:///other/ns/flow/executions/x/tasks/t/r/secret.txt"]
    """)
    assert run.state == "FAILED"
    assert any("didn't belong to the current execution" in line for line in run.logs()), run.logs()


def test_size_of_a_missing_file_fails_naming_it():
    run = run_flow("""
        id: size_missing
        namespace: tests.storage
        tasks:
          - id: size
            type: io.kestra.plugin.core.storage.Size
            uri: "kestra:///tests/storage/size_missing/executions/{{ execution.id }}/tasks/x/y/none.txt"
    """)
    assert run.state == "FAILED"
    assert any("none.txt" in line for line in run.logs()), run.logs()
