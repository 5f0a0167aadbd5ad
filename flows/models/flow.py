from django.db import models

from flows.spec import parse_flow


class Flow(models.Model):
    """The current revision of a flow. The YAML source is the truth; the other fields
    are denormalised from it for search and listing."""

    namespace = models.CharField(max_length=255, db_index=True)
    flow_id = models.CharField(max_length=255)
    revision = models.PositiveIntegerField(default=1)
    source = models.TextField()
    description = models.TextField(blank=True, default="")
    labels = models.JSONField(default=list, blank=True)
    disabled = models.BooleanField(default=False)
    deleted = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "flow_id"], name="unique_flow_per_namespace")]
        ordering = ["namespace", "flow_id"]

    def __str__(self):
        return f"{self.namespace}.{self.flow_id}"

    def spec(self):
        """The parsed flow (pluginDefaults applied) of the current revision."""
        return parse_flow(self.source)


class FlowRevision(models.Model):
    """Every saved revision of a flow, kept so an execution always knows the exact
    flow it ran and the UI can diff revisions."""

    flow = models.ForeignKey(Flow, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    source = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["flow", "revision"], name="unique_revision_per_flow")]
        ordering = ["flow", "-revision"]

    def __str__(self):
        return f"{self.flow} rev {self.revision}"
