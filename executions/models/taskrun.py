from django.db import models
from django.utils import timezone

from executions.states import State

from .execution import Execution
from .state_history import StateHistory, iso


class TaskRun(StateHistory):
    """One run of one task in an execution (one per loop value inside loops), with its
    attempts. A worker claims a taskrun with a conditional update of its state, so no
    task runs twice because two workers saw it."""

    id = models.CharField(primary_key=True, max_length=32)
    execution = models.ForeignKey(Execution, on_delete=models.CASCADE, related_name="taskruns")
    seq = models.PositiveIntegerField(help_text="Creation order within the execution.")
    task_id = models.CharField(max_length=255)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    value = models.TextField(null=True, blank=True)
    # Kestra's `taskrun.iteration`: a ForEach child's position (from 0), a LoopUntil
    # child's iteration (from 1); null elsewhere.
    iteration = models.PositiveIntegerField(null=True, blank=True)
    # Loop values along the ancestors that key this taskrun's outputs (outputs.t['a']['b']).
    iteration_keys = models.JSONField(default=list, blank=True)
    outputs = models.JSONField(default=dict, blank=True)
    attempts = models.JSONField(default=list, blank=True)
    # When a waiting taskrun (retry back-off, Pause delay) may go on.
    wait_until = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=255, blank=True, default="")
    heartbeat = models.DateTimeField(null=True, blank=True)
    # Engine-private bookkeeping of flowables (e.g. a Switch's chosen case).
    memo = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["execution", "seq"]
        constraints = [models.UniqueConstraint(fields=["execution", "seq"], name="unique_taskrun_seq")]

    def __str__(self):
        suffix = f"[{self.value}]" if self.value is not None else ""
        return f"{self.task_id}{suffix} {self.state}"

    def save_fields(self, *fields):
        """Write `fields` of a taskrun already in the database. One an executor round
        created is not, yet: the round inserts it whole, in the state it reached, just
        before its transaction commits (engine/round_writes.py), so until then its changes
        stay in memory and a task run inline costs one INSERT, not an INSERT and UPDATEs."""
        if self._state.adding:
            return
        self.save(update_fields=fields)

    def fail(self, when=None):
        """Kestra's TaskRun.fail(): FAILED, with a FAILED attempt added, so a task that
        could not even start (a Subflow whose flow is missing) shows the attempt that
        failed as every other failed task does. The caller saves."""
        when = when or timezone.now()
        self.attempts = [*self.attempts, {"state": {"current": State.FAILED.value,
                                                    "histories": [{"state": State.FAILED.value, "date": iso(when)}]}}]
        self.set_state(State.FAILED, when)
