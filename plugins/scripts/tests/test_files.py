"""The working directory's files: `inputFiles` (text, or copied from storage),
kestra:// URIs in commands copied in (ScriptService.replaceInternalStorage),
`outputFiles` kept in storage, and `namespaceFiles` (Kestra's FilesService and
NamespaceFiles, io.kestra.plugin.core.runner.Process's examples)."""
import pytest

from plugins.conftest import read_stored
from storage.namespace_files import NamespaceFiles
from tests.flow_runs import run_flow

from .script_flows import script_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_output_files_go_to_storage_and_come_back_as_input_files():
    run = run_flow("""
        id: round_trip
        namespace: tests.scripts
        tasks:
          - id: make
            type: io.kestra.plugin.scripts.shell.Commands
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            outputFiles:
              - "*.csv"
              - "reports/**"
            commands:
              - printf 'a,b\\n1,2\\n' > data.csv
              - mkdir -p reports/2024 && echo "total 3" > reports/2024/summary.txt
              - echo "not kept" > notes.md
          - id: use
            type: io.kestra.plugin.scripts.python.Script
            taskRunner:
              type: io.kestra.plugin.core.runner.Process
            inputFiles:
              input.csv: "{{ outputs.make.outputFiles['data.csv'] }}"
              config/settings.txt: "mode=fast"
            script: |
              from kestra import Kestra
              rows = open("input.csv").read().splitlines()
              summary = open("{{ outputs.make.outputFiles['reports/2024/summary.txt'] }}").read().strip()
              Kestra.outputs({"rows": rows, "summary": summary, "config": open("config/settings.txt").read()})
    """)
    assert run.state == "SUCCESS"
    kept = run.one("make").outputs["outputFiles"]
    assert sorted(kept) == ["data.csv", "reports/2024/summary.txt"]
    assert all(uri.startswith("kestra:///tests/scripts/round_trip/executions/") for uri in kept.values())
    assert read_stored(kept["data.csv"]) == "a,b\n1,2\n"
    assert run.one("use").outputs["vars"] == {"rows": ["a,b", "1,2"], "summary": "total 3", "config": "mode=fast"}


def test_input_files_as_json_and_paths_outside_the_folder_are_refused():
    ok = run_flow(script_flow("json_inputs", "shell.Commands", """
        inputFiles: '{"a.txt": "from json"}'
        commands:
          - cat a.txt
    """))
    assert ok.state == "SUCCESS" and ("INFO", "from json") in ok.log_entries("sh")
    refused = run_flow(script_flow("escaping_inputs", "shell.Commands", """
        inputFiles:
          ../escape.txt: nope
        commands:
          - "true"
    """))
    assert refused.state == "FAILED"
    assert any("'../escape.txt' is outside the working directory" in m for m in refused.logs())


def test_namespace_files_are_copied_in_with_include_and_exclude():
    files = NamespaceFiles("tests.scripts")
    files.write("scripts/etl.py", b"print('etl ran')\n")
    files.write("scripts/skip.py", b"raise SystemExit(9)\n")
    files.write("queries/q.sql", b"select 1\n")
    run = run_flow(script_flow("namespace_files", "python.Commands", """
        namespaceFiles:
          enabled: true
          include:
            - scripts/**
          exclude:
            - "**/skip.py"
        commands:
          - python scripts/etl.py
          - ls -R . | grep -c "skip.py\\|q.sql" || true
    """, task_id="py"))
    assert run.state == "SUCCESS"
    entries = run.log_entries("py")
    assert ("INFO", "etl ran") in entries
    assert ("INFO", "0") in entries  # neither the excluded file nor the one not included


def test_files_written_in_the_older_output_dir_are_kept():
    run = run_flow(script_flow("output_dir", "shell.Commands", """
        outputDirectory: true
        commands:
          - mkdir -p {{ outputDir }}/sub
          - echo one > {{ outputDir }}/a.txt
          - echo two > "$OUTPUT_DIR/sub/a.txt"
    """))
    assert run.state == "SUCCESS"
    kept = run.one("sh").outputs["outputFiles"]
    assert sorted(kept) == ["a.txt", "sub/a.txt"]
    assert read_stored(kept["sub/a.txt"]) == "two\n"
