"""What the plugin families' tests share: a real, minimal trigger context (the
scheduler brings its own), internal storage in the test's own folder, and a way to
skip with a reason when a server of this machine does not answer."""
from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

import expressions
from storage import internal_storage, layout


class ListLogger:
    def __init__(self):
        self.lines: list[tuple[str, str]] = []

    def log(self, level, message):
        self.lines.append((level, str(message)))

    _log = log

    def trace(self, message): self._log("TRACE", message)
    def debug(self, message): self._log("DEBUG", message)
    def info(self, message): self._log("INFO", message)
    def warn(self, message): self._log("WARN", message)
    def error(self, message): self._log("ERROR", message)


class MinimalTriggerContext:
    """plugins.api.trigger_events.TriggerContext: renders with expressions.render_value
    against the flow's variables and the given secrets, stores files in internal
    storage under the execution id chosen before the evaluation."""

    def __init__(self, tmp_path: Path, namespace="company.team", flow_id="flow", trigger_id="watch",
                 variables: dict | None = None, secrets: dict | None = None):
        self.namespace, self.flow_id, self.trigger_id = namespace, flow_id, trigger_id
        self.execution_id = uuid.uuid4().hex[:22]
        self.logger = ListLogger()
        self.variables = {"flow": {"namespace": namespace, "id": flow_id}, **(variables or {})}
        self.secrets = secrets or {}
        self._tmp = tmp_path

    def render(self, value):
        return expressions.render_value(value, self.variables, {"secret": self.secrets.__getitem__})

    def working_dir(self) -> Path:
        folder = self._tmp / "trigger-work" / self.execution_id
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def put_file(self, path: Path) -> str:
        uri = layout.trigger_file(self.namespace, self.flow_id, self.execution_id, self.trigger_id, Path(path).name)
        return internal_storage().put(uri, Path(path))


@pytest.fixture(autouse=True)
def _plugin_storage(settings, tmp_path):
    settings.STORAGE_DIR = tmp_path / "storage"


@pytest.fixture
def trigger_ctx(tmp_path):
    def make(**kwargs) -> MinimalTriggerContext:
        return MinimalTriggerContext(tmp_path, **kwargs)
    return make


def require_server(host: str, port: int, name: str) -> None:
    """Skip the test, saying why, when the server this machine should run is not there."""
    try:
        socket.create_connection((host, port), timeout=2).close()
    except OSError as exc:
        pytest.skip(f"{name} does not answer on {host}:{port} ({exc})")


def read_stored(uri: str) -> str:
    with internal_storage().open(uri, "rb") as file:
        return file.read().decode()
