"""The scheduler runs any polling trigger type through its interface (Kestra's
PollingTriggerInterface): `poll(ctx)` every `interval`; each event starts one execution
with the event's variables as `trigger.*`, and is acknowledged only once that
execution's row exists; while the execution runs, the trigger is not polled again.

The type here polls a real folder for files, as Kestra's file-detection triggers do:
the pub/sub and JDBC families implement the same interface."""
from dataclasses import dataclass
from pathlib import Path

import pytest

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow
from plugins import registry
from plugins.properties import Property
from plugins.trigger import TriggerType

pytestmark = pytest.mark.django_db(transaction=True)
TYPE = "tests.scheduler.FolderTrigger"
ACKED: list[tuple[str, bool]] = []


@dataclass
class FileEvent:
    path: Path
    variables: dict

    def ack(self):
        exists = Execution.objects.filter(trigger__variables__name=self.path.name).exists()
        ACKED.append((self.path.name, exists))
        self.path.unlink()


class FolderTrigger(TriggerType):
    type = TYPE
    properties = (Property("folder", required=True), Property("interval", "duration", default="PT60S"))

    def poll(self, ctx):
        files = sorted(Path(ctx.render(self.spec["folder"])).iterdir())
        return FileEvent(files[0], {"name": files[0].name, "flow": ctx.flow_id}) if files else None


@pytest.fixture
def folder_trigger(tmp_path):
    registry.register(FolderTrigger)
    yield tmp_path / "inbox"
    registry._types.pop(TYPE)
    registry._canonical.pop(TYPE)


def flow(folder: Path) -> str:
    return f"""
id: watcher
namespace: tests.polling
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
    assert execution.trigger == {"id": "files", "type": TYPE, "variables": {"name": "a.csv", "flow": "watcher"}}
    assert ACKED == [("a.csv", True)]
    assert TriggerState.objects.get(flow_id="watcher").execution_id == first

    assert tick.run() == []  # locked while its execution runs
    Execution.objects.filter(pk=first).update(state="SUCCESS")
    [second] = tick.run()
    assert Execution.objects.get(pk=second).trigger["variables"]["name"] == "b.csv"
    assert ACKED == [("a.csv", True), ("b.csv", True)]
