"""The scheduler runs any realtime trigger type through plugins.api.trigger_events (Kestra's
RealtimeTriggerInterface): `listen(ctx, stop_event)` yields events, each starts one
execution, created with the context's `execution_id` (a new one per event), with the
event's variables as `trigger.*`, and is acknowledged once that execution's row
exists; a disabled trigger's listener is told to stop through `stop_event`.

The type here listens to a real folder, as the pub/sub families listen to a broker."""
import logging
import time
from pathlib import Path

import pytest

from executions.models import Execution, TriggerState
from executions.scheduler.tick import Tick
from executions.trigger_switch import switch
from flows.services import save_flow
from plugins.api import registry
from plugins.api.properties import Property
from plugins.api.trigger_events import RealtimeTriggerType, TriggerEvent, TriggerFailed

pytestmark = pytest.mark.django_db(transaction=True)
TYPE = "tests.scheduler.FolderRealtimeTrigger"
ACKED: list[tuple[str, bool]] = []
STOPPED: list[str] = []


class FolderRealtimeTrigger(RealtimeTriggerType):
    """One event per file of a folder, the file removed once acknowledged."""
    type = TYPE
    properties = (Property("folder", required=True),)

    def listen(self, ctx, stop_event):
        folder = Path(ctx.render(self.spec["folder"]))
        if not folder.is_dir():
            raise TriggerFailed(f"folder {folder} does not exist", retryable=True)
        while not stop_event.is_set():
            for path in sorted(folder.iterdir()):
                yield self._event(path, ctx.execution_id)
            time.sleep(0.05)
        STOPPED.append(ctx.trigger_id)

    @staticmethod
    def _event(path: Path, execution_id: str) -> TriggerEvent:
        def ack():
            ACKED.append((path.name, Execution.objects.filter(pk=execution_id).exists()))
            path.unlink()

        return TriggerEvent({"name": path.name, "executionId": execution_id}, on_ack=ack)


@pytest.fixture
def folder_trigger(tmp_path):
    registry.register(FolderRealtimeTrigger)
    yield tmp_path / "inbox"
    registry._types.pop(TYPE)
    registry._canonical.pop(TYPE)


def wait_for(reached, tick):
    deadline = time.monotonic() + 120  # a guard against a hang, not a time window
    while not reached():
        assert time.monotonic() < deadline, "never reached"
        tick.run()
        time.sleep(0.05)


def test_each_message_starts_one_execution_then_is_acknowledged(folder_trigger):
    folder_trigger.mkdir()
    save_flow(f"""
id: listener
namespace: tests.realtime
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.name }}}}"
triggers:
  - id: files
    type: {TYPE}
    folder: "{folder_trigger}"
""")
    tick = Tick()
    try:
        tick.run()
        (folder_trigger / "a.json").write_text("1")
        (folder_trigger / "b.json").write_text("2")
        wait_for(lambda: len(ACKED) == 2, tick)
        assert ACKED == [("a.json", True), ("b.json", True)]
        executions = Execution.objects.filter(flow_id="listener").order_by("created")
        assert [e.trigger for e in executions] == [
            {"id": "files", "type": TYPE, "variables": {"name": name, "executionId": e.id}}
            for name, e in zip(("a.json", "b.json"), executions, strict=True)]
        state = TriggerState.objects.get(flow_id="listener")
        assert state.evaluating_since is not None  # held by this scheduler

        switch(state, False)
        wait_for(lambda: STOPPED == ["files"], tick)
    finally:
        tick.stop()


def test_a_failed_listener_is_logged_and_its_trigger_stays_enabled(folder_trigger, caplog):
    """Kestra's Worker logs a realtime trigger's failure; the trigger is not disabled:
    here it is listened to again once its lease ran out (or its flow changed)."""
    save_flow(f"""
id: listener
namespace: tests.realtime
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ trigger.name }}}}"
triggers:
  - id: files
    type: {TYPE}
    folder: "{folder_trigger}"
""")
    tick = Tick()
    expected = f"listening failed: folder {folder_trigger} does not exist"
    try:
        with caplog.at_level(logging.ERROR, logger="executions.scheduler.triggers"):
            wait_for(lambda: expected in caplog.text, tick)
        state = TriggerState.objects.get(flow_id="listener")
        assert not state.disabled
        assert not Execution.objects.exists()
    finally:
        tick.stop()
