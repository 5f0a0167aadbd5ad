"""The example flows of flows/examples/ are saved on a server's first start, once: as
Kestra's standalone server loads its tutorial flows the first time (Kestra's
`kestra.tutorial-flows.enabled`, TutorialsFlowLoader), a flow a user then edits or
deletes is not brought back. An example that does not validate is reported with its
file and line, and the start goes on."""
import io
import json

import pytest
from django.core.management import call_command

from flows.examples import EXAMPLES_DIR, load_examples
from flows.models import Flow
from flows.services import save_flow

pytestmark = pytest.mark.django_db(transaction=True)

VALID = "id: ok\nnamespace: tests.examples\ntasks:\n  - id: hi\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
INVALID = ("id: broken\nnamespace: tests.examples\ntasks:\n  - id: nope\n"
           "    type: io.kestra.plugin.nowhere.Missing\n")


def test_the_hello_world_example_loads_and_runs(tmp_path):
    result = load_examples(marker_path=tmp_path / "marker.json")
    assert "company.team.hello_world" in result.saved
    stdout = io.StringIO()
    call_command("runflow", "company.team.hello_world", "--json", stdout=stdout)  # exit 1 (SystemExit) unless SUCCESS
    body = json.loads(stdout.getvalue())
    assert body["state"]["current"] == "SUCCESS"
    assert [log["message"] for log in body["logs"]] == ["Hello World! 🚀"]


def test_it_skips_an_invalid_example_with_its_file_and_line_and_saves_the_others(tmp_path):
    (tmp_path / "a_broken.yaml").write_text(INVALID)
    (tmp_path / "b_ok.yaml").write_text(VALID)
    result = load_examples(tmp_path, marker_path=tmp_path / "marker.json")
    assert result.saved == ["tests.examples.ok"]
    assert len(result.invalid) == 1
    assert result.invalid[0].endswith("a_broken.yaml:5: tasks[0].type: unknown type "
                                      "io.kestra.plugin.nowhere.Missing (task 'nope')")
    assert not Flow.objects.filter(flow_id="broken").exists()


def test_an_invalid_example_is_saved_on_the_first_start_where_it_validates(tmp_path):
    """What the Snowflake example waits for: its task types registered."""
    example = tmp_path / "later.yaml"
    example.write_text(INVALID)
    marker = tmp_path / "marker.json"
    assert load_examples(tmp_path, marker_path=marker).saved == []
    example.write_text(INVALID.replace("io.kestra.plugin.nowhere.Missing", "io.kestra.plugin.core.log.Log\n"
                                       "    message: now valid"))
    assert load_examples(tmp_path, marker_path=marker).saved == ["tests.examples.broken"]


def test_a_deleted_or_edited_example_is_not_brought_back(tmp_path):
    (tmp_path / "ok.yaml").write_text(VALID)
    (tmp_path / "gone.yaml").write_text(VALID.replace("id: ok", "id: gone"))
    marker = tmp_path / "marker.json"
    assert sorted(load_examples(tmp_path, marker_path=marker).saved) == ["tests.examples.gone", "tests.examples.ok"]
    edited = VALID.replace("message: hi", "message: mine now")
    save_flow(edited)
    Flow.objects.get(flow_id="gone").delete()

    assert load_examples(tmp_path, marker_path=marker).saved == []
    assert Flow.objects.get(flow_id="ok").source == edited
    assert not Flow.objects.filter(flow_id="gone").exists()


def test_a_flow_the_user_had_with_the_same_id_is_kept(tmp_path):
    (tmp_path / "ok.yaml").write_text(VALID)
    mine = VALID.replace("message: hi", "message: my own")
    save_flow(mine)
    result = load_examples(tmp_path, marker_path=tmp_path / "marker.json")
    assert result.saved == [] and result.kept == ["tests.examples.ok"]
    assert Flow.objects.get(flow_id="ok").source == mine


def test_loadexamples_reports_every_shipped_example_it_cannot_load_and_succeeds(settings, tmp_path):
    """The Snowflake example needs the HTTP and Snowflake task types (issue 16): until
    they are registered it is reported, never a failed start."""
    settings.DATA_DIR = tmp_path
    stdout = io.StringIO()
    call_command("loadexamples", stdout=stdout)
    printed = stdout.getvalue()
    saved = {line.removeprefix("Example flow saved: ") for line in printed.splitlines()
             if line.startswith("Example flow saved: ")}
    for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
        flow = Flow.objects.filter(source=path.read_text()).first()
        assert (flow is not None and f"{flow.namespace}.{flow.flow_id}" in saved) or \
            f"Example flow not loaded: flows/examples/{path.name}:" in printed, path.name
    assert "company.team.hello_world" in saved
