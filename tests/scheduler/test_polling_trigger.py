"""The scheduler runs any polling trigger type through plugins.api.trigger_events (Kestra's
PollingTriggerInterface): `poll(ctx)` every `interval()`; each event starts one
execution, created with the id the context picked before the poll (Kestra's
triggerExecutionId, under which a batch file is stored), with the event's variables
as `trigger.*`, and is acknowledged only once that execution's row exists; while the
execution runs, the trigger is not polled again. An event whose execution cannot be
created is released; a TriggerFailed is logged and the trigger polled again after its
interval (Kestra's Worker logs a failed evaluation; the trigger stays enabled).

The type here polls a real folder for files, as Kestra's file-detection triggers do:
the pub/sub and JDBC families implement the same interface."""
import logging
from pathlib import Path

import pytest

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow
from plugins.api import registry
from plugins.api.properties import Property
from plugins.api.trigger_events import PollingTriggerType, TriggerEvent, TriggerFailed, interval_property
from storage import internal_storage

pytestmark = pytest.mark.django_db(transaction=True)
TYPE = "tests.scheduler.FolderTrigger"
SETTLED: list[tuple[str, str, bool]] = []


class FolderTrigger(PollingTriggerType):
    """The oldest file of a folder, stored as the execution's trigger file; the file
    is removed on ack and kept on release."""
    type = TYPE
    properties = (Property("folder", required=True), interval_property("PT60S"))

    def poll(self, ctx):
        folder = Path(ctx.render(self.spec["folder"]))
        if not folder.is_dir():
            raise TriggerFailed(f"folder {folder} does not exist")
        files = sorted(folder.iterdir())
        if not files:
            return None
        path = files[0]
        copy = ctx.working_dir() / path.name
        copy.write_bytes(path.read_bytes())
        uri = ctx.put_file(copy)

        def settled(how):
            exists = Execution.objects.filter(pk=ctx.execution_id).exists()
            SETTLED.append((path.name, how, exists))
            if how == "ack":
                path.unlink()

        return TriggerEvent({"name": path.name, "flow": ctx.flow_id, "uri": uri, "executionId": ctx.execution_id},
                            on_ack=lambda: settled("ack"), on_release=lambda: settled("release"))


@pytest.fixture
def folder_trigger(tmp_path):
    SETTLED.clear()
    registry.register(FolderTrigger)
    yield tmp_path / "inbox"
    registry._types.pop(TYPE)
    registry._canonical.pop(TYPE)


def flow(folder: Path, extra: str = "") -> str:
    return f"""
id: watcher
namespace: tests.polling
{extra}
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.name }}}}"
triggers:
  - id: files
    type: {TYPE}
    folder: "{folder}"
    interval: PT0S
"""


def test_each_event_starts_one_execution_then_is_acknowledged(folder_trigger):
    folder_trigger.mkdir()
    save_flow(flow(folder_trigger))
    tick = Tick()
    assert tick.run() == []  # an empty folder: no event
    (folder_trigger / "a.csv").write_text("1")
    (folder_trigger / "b.csv").write_text("2")

    [first] = tick.run()
    execution = Execution.objects.get(pk=first)
    variables = execution.trigger["variables"]
    assert execution.trigger["id"] == "files" and execution.trigger["type"] == TYPE
    assert variables["executionId"] == first  # created with the id the poll stored its file under
    assert f"/executions/{first}/trigger/files/a.csv" in variables["uri"]
    with internal_storage().open(variables["uri"]) as stored:
        assert stored.read() == b"1"
    assert SETTLED == [("a.csv", "ack", True)]
    assert TriggerState.objects.get(flow_id="watcher").execution_id == first

    assert tick.run() == []  # locked while its execution runs
    Execution.objects.filter(pk=first).update(state="SUCCESS")
    [second] = tick.run()
    assert Execution.objects.get(pk=second).trigger["variables"]["name"] == "b.csv"
    assert SETTLED == [("a.csv", "ack", True), ("b.csv", "ack", True)]


def test_an_event_whose_execution_cannot_be_created_is_released(folder_trigger):
    """A required input the trigger does not give: Kestra refuses the execution; the
    message goes back to its source, and the file stored for it is deleted."""
    folder_trigger.mkdir()
    (folder_trigger / "a.csv").write_text("1")
    save_flow(flow(folder_trigger, "inputs:\n  - id: needed\n    type: STRING\n"))
    assert Tick().run() == []
    assert SETTLED == [("a.csv", "release", False)]
    assert (folder_trigger / "a.csv").exists()
    assert not Execution.objects.exists()
    assert internal_storage().list_files("kestra:///tests/polling/watcher/executions") == []


def test_a_failed_poll_is_logged_and_polled_again(folder_trigger, caplog):
    save_flow(flow(folder_trigger))  # the folder does not exist yet
    tick = Tick()
    with caplog.at_level(logging.ERROR, logger="executions.scheduler.triggers"):
        assert tick.run() == []
    assert f"polling failed: folder {folder_trigger} does not exist" in caplog.text
    state = TriggerState.objects.get(flow_id="watcher")
    assert not state.disabled and state.next_date is not None and state.evaluating_since is None

    folder_trigger.mkdir()
    (folder_trigger / "a.csv").write_text("1")
    [started] = tick.run()
    assert Execution.objects.get(pk=started).trigger["variables"]["name"] == "a.csv"
