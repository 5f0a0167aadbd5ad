"""The engine's persisted state, one concept a module."""
from .execution import Execution
from .kv import KVEntry
from .log import LogEntry
from .taskrun import TaskRun
from .trigger_state import TriggerState

__all__ = ["Execution", "KVEntry", "LogEntry", "TaskRun", "TriggerState"]
