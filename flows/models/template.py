from django.db import models


class Template(models.Model):
    """A Kestra template: a reusable list of tasks that the Template task inlines."""

    namespace = models.CharField(max_length=255, db_index=True)
    template_id = models.CharField(max_length=255)
    description = models.TextField(blank=True, default="")
    source = models.TextField()
    tasks = models.JSONField(default=list)
    errors = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "template_id"],
                                               name="unique_template_per_namespace")]
        ordering = ["namespace", "template_id"]

    def __str__(self):
        return f"{self.namespace}.{self.template_id}"
