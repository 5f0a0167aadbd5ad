from django.db import models


class KVEntry(models.Model):
    """A namespace's key-value entry (Kestra's KV store); the value keeps its JSON type."""

    namespace = models.CharField(max_length=255)
    key = models.CharField(max_length=255)
    value = models.JSONField(null=True)
    expiration = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "key"], name="unique_kv_key")]
        ordering = ["namespace", "key"]
        verbose_name = "KV entry"
        verbose_name_plural = "KV entries"

    def __str__(self):
        return f"{self.namespace}/{self.key}"
