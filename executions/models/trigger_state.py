from django.db import models


class TriggerState(models.Model):
    """What the scheduler remembers of one trigger of one flow (Kestra's Trigger): when
    it last fired and when it fires next, so a restart neither skips nor repeats a
    schedule, and what holds it back.

    - `execution_id`: the execution it started and that still runs. Kestra's triggers
      never overlap: the trigger is *locked* until that execution ends (the scheduler
      releases it then; the admin's unlock does it by hand).
    - `evaluating_since`: set while a scheduler evaluates it (Kestra's
      evaluateRunningDate), so a polling trigger is not polled by two at once; a
      scheduler that died leaves it, and it counts as free after a lease.
    - `backfill`: a replay of past dates the admin asked for (Kestra's Backfill:
      start, end, current date, inputs, labels, paused), fired before the normal dates.
    """

    namespace = models.CharField(max_length=255)
    flow_id = models.CharField(max_length=255)
    trigger_id = models.CharField(max_length=255)
    trigger_type = models.CharField(max_length=255, blank=True, default="")
    flow_revision = models.PositiveIntegerField(null=True, blank=True)
    last_date = models.DateTimeField(null=True, blank=True)
    next_date = models.DateTimeField(null=True, blank=True, db_index=True)
    last_execution_id = models.CharField(max_length=32, null=True, blank=True)
    execution_id = models.CharField(max_length=32, null=True, blank=True)
    evaluating_since = models.DateTimeField(null=True, blank=True)
    backfill = models.JSONField(null=True, blank=True)
    disabled = models.BooleanField(default=False)
    evaluation_data = models.JSONField(default=dict, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "flow_id", "trigger_id"], name="unique_trigger")]
        ordering = ["namespace", "flow_id", "trigger_id"]

    def __str__(self):
        return f"{self.namespace}.{self.flow_id}:{self.trigger_id}"

    @property
    def locked(self) -> bool:
        return bool(self.execution_id)
