from django.db import models

from plugins.api.log_levels import LOG_LEVELS


class LogEntry(models.Model):
    """One log line of an execution, denormalised (namespace, flow) so the global logs
    page filters without joins."""

    LEVELS = [(lvl, lvl) for lvl in LOG_LEVELS]

    execution_id = models.CharField(max_length=32, db_index=True)
    taskrun_id = models.CharField(max_length=32, null=True, blank=True)
    task_id = models.CharField(max_length=255, null=True, blank=True)
    trigger_id = models.CharField(max_length=255, null=True, blank=True)
    attempt_number = models.PositiveIntegerField(null=True, blank=True)
    namespace = models.CharField(max_length=255)
    flow_id = models.CharField(max_length=255)
    level = models.CharField(max_length=8, choices=LEVELS, default="INFO")
    timestamp = models.DateTimeField(db_index=True)
    message = models.TextField()

    class Meta:
        ordering = ["timestamp", "id"]
        indexes = [
            models.Index(fields=["namespace", "flow_id", "-timestamp"], name="log_by_flow"),
            models.Index(fields=["level", "-timestamp"], name="log_by_level"),
        ]

    def __str__(self):
        return f"{self.timestamp} {self.level} {self.message[:80]}"
