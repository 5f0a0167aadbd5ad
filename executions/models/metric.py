from django.db import models


class MetricEntry(models.Model):
    """One metric a task emitted (Kestra's MetricEntry): a counter or a timer, with tags.

    Denormalised (namespace, flow, task) like LogEntry, so the metrics routes that
    aggregate over a flow's executions need no join."""

    COUNTER, TIMER = "counter", "timer"
    TYPES = [(COUNTER, COUNTER), (TIMER, TIMER)]

    execution_id = models.CharField(max_length=32)
    taskrun_id = models.CharField(max_length=32, null=True, blank=True)
    task_id = models.CharField(max_length=255, null=True, blank=True)
    namespace = models.CharField(max_length=255)
    flow_id = models.CharField(max_length=255)
    type = models.CharField(max_length=8, choices=TYPES)
    name = models.CharField(max_length=255)
    # A counter's count; a timer's duration in seconds.
    value = models.FloatField()
    tags = models.JSONField(default=dict, blank=True)
    timestamp = models.DateTimeField()

    class Meta:
        ordering = ["timestamp", "id"]
        indexes = [
            models.Index(fields=["execution_id", "timestamp"], name="metric_by_execution"),
            models.Index(fields=["namespace", "flow_id", "name", "timestamp"], name="metric_by_flow"),
        ]

    def __str__(self):
        return f"{self.type} {self.name}={self.value}"
