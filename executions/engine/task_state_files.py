"""The state files of Kestra's deprecated state tasks (io.kestra.plugin.core.state.*):
one JSON file per name, kept in internal storage beside the flow (or its namespace)
under `states/tasks-states/`, as Kestra's InternalStorage#putTaskStateFile keeps them;
kept apart by taskrun value in a folder named by a hash of the value."""
from __future__ import annotations

import hashlib

from storage import internal_storage, layout


class TaskStateFile:
    def __init__(self, namespace: str, flow_id: str | None, name: str, value: str | None):
        value_key = hashlib.sha256(value.encode()).hexdigest()[:16] if value is not None else None
        self.uri = layout.task_state_file(namespace, flow_id, name, value_key)
        self.storage = internal_storage()

    def read(self) -> bytes | None:
        if not self.storage.exists(self.uri):
            return None
        with self.storage.open(self.uri) as handle:
            return handle.read()

    def write(self, data: bytes) -> str:
        with self.storage.writer(self.uri) as out:  # a reader never sees half a file
            out.write(data)
        return self.uri

    def delete(self) -> bool:
        return self.storage.delete(self.uri)
