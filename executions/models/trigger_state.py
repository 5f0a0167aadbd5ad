from django.db import models


class TriggerState(models.Model):
    """What the scheduler remembers of one trigger of one flow: when it last fired and
    when it fires next, so a restart neither skips nor repeats a schedule."""

    namespace = models.CharField(max_length=255)
    flow_id = models.CharField(max_length=255)
    trigger_id = models.CharField(max_length=255)
    last_date = models.DateTimeField(null=True, blank=True)
    next_date = models.DateTimeField(null=True, blank=True, db_index=True)
    last_execution_id = models.CharField(max_length=32, null=True, blank=True)
    disabled = models.BooleanField(default=False)
    evaluation_data = models.JSONField(default=dict, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "flow_id", "trigger_id"], name="unique_trigger")]
        ordering = ["namespace", "flow_id", "trigger_id"]

    def __str__(self):
        return f"{self.namespace}.{self.flow_id}:{self.trigger_id}"
