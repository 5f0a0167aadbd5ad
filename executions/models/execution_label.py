"""One row per label of an execution, so searches by label (`labels=env:prod`,
`filters[labels][EQUALS][env]=prod`) are indexed lookups on SQLite and PostgreSQL alike:
Execution.labels stays the JSON list Kestra answers, this table is its index.

It is written in one place, Execution.save (labels written => rows rewritten), and by
`index_labels` for the writes that bypass save (queryset updates)."""
from django.db import models


class ExecutionLabel(models.Model):
    execution = models.ForeignKey("executions.Execution", on_delete=models.CASCADE, related_name="label_rows")
    key = models.CharField(max_length=255)
    value = models.CharField(max_length=1024)

    class Meta:
        indexes = [models.Index(fields=["key", "value"], name="execution_label_kv")]
        constraints = [models.UniqueConstraint(fields=["execution", "key"], name="unique_execution_label_key")]


def label_rows(execution_id: str, labels) -> list[ExecutionLabel]:
    """The rows of a label list (the last value of a repeated key wins, as merge_labels does)."""
    pairs = {}
    for label in labels or []:
        if isinstance(label, dict) and "key" in label:
            pairs[str(label["key"])] = str(label.get("value"))[:1024]
    return [ExecutionLabel(execution_id=execution_id, key=k[:255], value=v) for k, v in pairs.items()]


def index_labels(execution_id: str, labels, fresh: bool = False) -> None:
    """Rewrite the label rows of one execution; `fresh`: it has none yet (just inserted)."""
    if not fresh:
        ExecutionLabel.objects.filter(execution_id=execution_id).delete()
    ExecutionLabel.objects.bulk_create(label_rows(execution_id, labels))
