"""What people do to executions (kill, pause, resume, restart, replay, change a
taskrun's state, labels, delete): engine operations the API, the UI and the commands call.

Each writes its decision in one transaction; the executor then carries it out, in
whatever process drives the execution. Kestra's ExecutionService is the reference for
the resulting states, histories, attempts and metadata."""
from executions.engine.breakpoints import UnknownBreakpointTask

from .common import OperationRefused, UnknownRevision
from .control import force_run, kill, pause, resume, resume_from_breakpoint, unqueue
from .housekeeping import change_status, delete, set_labels
from .replay import replay
from .restart import change_taskrun_state, restart

__all__ = ["OperationRefused", "change_status", "change_taskrun_state", "delete", "force_run", "kill", "pause",
           "replay", "restart", "resume", "resume_from_breakpoint", "set_labels", "unqueue", "UnknownBreakpointTask",
           "UnknownRevision"]
