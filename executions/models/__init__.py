"""The engine's persisted state, one concept a module."""
from .execution import Execution
from .execution_label import ExecutionLabel, index_labels, indexed_label
from .kv import KVEntry
from .log import LogEntry
from .metric import MetricEntry
from .taskrun import TaskRun
from .trigger_state import TriggerState

__all__ = ["Execution", "ExecutionLabel", "index_labels", "indexed_label", "KVEntry", "LogEntry", "MetricEntry",
           "TaskRun", "TriggerState"]
