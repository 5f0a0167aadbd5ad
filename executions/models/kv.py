from django.db import models
from django.utils import timezone


class KVEntry(models.Model):
    """A namespace's key-value entry (Kestra's KV store); the value keeps its JSON type."""

    namespace = models.CharField(max_length=255)
    key = models.CharField(max_length=255)
    value = models.JSONField(null=True)
    expiration = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)
    # Kestra's KV metadata: what the API shows of a key (KVEntry, KVController's detail).
    created = models.DateTimeField(default=timezone.now)
    description = models.TextField(blank=True, default="")
    revision = models.PositiveIntegerField(default=1)
    # The type the value was given as (DATETIME/DATE for an Ion timestamp kept as text);
    # empty when the JSON value's own type says it.
    value_type = models.CharField(max_length=16, blank=True, default="")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["namespace", "key"], name="unique_kv_key")]
        ordering = ["namespace", "key"]
        verbose_name = "KV entry"
        verbose_name_plural = "KV entries"

    def __str__(self):
        return f"{self.namespace}/{self.key}"
