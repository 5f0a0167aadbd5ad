"""The command line on awkward input: a folder mixing valid and broken files, one flow
defined twice, flow ids with dots, the JSON of a failed run."""
import json

from tests.test_commands import HELLO, cli


def test_loadflows_reports_every_broken_file_and_keeps_going(tmp_path):
    folder = tmp_path / "flows"
    (folder / "nested").mkdir(parents=True)
    (folder / "a-good.yaml").write_text(HELLO)
    (folder / "binary.yaml").write_bytes(b"id: bin\nnamespace: tests.cli\n\xff\xfe\n")
    (folder / "nested" / "syntax.yml").write_text("id: syn\nnamespace: tests.cli\ntasks:\n  - id: a\n    type: [x\n")
    (folder / "nested" / "twice.yaml").write_text(HELLO.replace("Hello", "Hi"))
    (folder / "z-good.yaml").write_text(HELLO.replace("hello-world", "other"))
    proc = cli("loadflows", str(folder), data_dir=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "binary.yaml:3: not UTF-8" in proc.stderr
    assert "syntax.yml:6" in proc.stderr
    assert "twice.yaml:1: flow tests.cli.hello-world is also defined in" in proc.stderr
    assert "tests.cli.hello-world (revision 1)" in proc.stdout and "tests.cli.other (revision 1)" in proc.stdout
    assert "revision 2" not in proc.stdout


def test_runflow_finds_a_saved_flow_whose_id_has_dots(tmp_path):
    flow = tmp_path / "dotted.yaml"
    flow.write_text(HELLO.replace("id: hello-world", "id: load.daily"))
    assert cli("loadflows", str(flow), data_dir=tmp_path).returncode == 0
    proc = cli("runflow", "tests.cli.load.daily", "--input", "who=Ada", "--json", data_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    body = json.loads(proc.stdout)
    assert (body["namespace"], body["flowId"]) == ("tests.cli", "load.daily")


def test_runflow_json_of_a_failed_run_has_kestras_shape(tmp_path):
    flow = tmp_path / "fail.yaml"
    flow.write_text("id: f\nnamespace: tests.cli\ntasks:\n"
                    "  - id: boom\n    type: io.kestra.plugin.core.execution.Fail\n")
    proc = cli("runflow", str(flow), "--json", data_dir=tmp_path)
    assert proc.returncode == 1
    body = json.loads(proc.stdout)
    assert body["state"]["current"] == "FAILED" and body["state"]["endDate"] == body["state"]["histories"][-1]["date"]
    assert body["metadata"]["attemptNumber"] == 1 and body["originalId"] == body["id"]
    assert "parentId" not in body and "inputs" not in body
    boom = body["taskRunList"][0]
    assert boom["attempts"][0]["state"]["current"] == "FAILED" and "duration" in boom["attempts"][0]["state"]
    assert [log["level"] for log in body["logs"]] == ["ERROR"]
