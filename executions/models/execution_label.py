"""One row per label of an execution, so searches by label (`labels=env:prod`,
`filters[labels][EQUALS][env]=prod`) are indexed lookups on SQLite and PostgreSQL alike:
Execution.labels stays the JSON list Kestra answers, this table is its index.

It is written in one place, Execution.save (labels written => rows rewritten), and by
`index_labels` for the writes that bypass save (queryset updates)."""
from django.db import models


class ExecutionLabel(models.Model):
    # No index of its own: the unique constraint's leads with it.
    execution = models.ForeignKey("executions.Execution", on_delete=models.CASCADE, related_name="label_rows",
                                  db_index=False)
    key = models.CharField(max_length=255)
    value = models.CharField(max_length=1024)

    class Meta:
        indexes = [models.Index(fields=["key", "value"], name="execution_label_kv")]
        # Keys are unique per execution by construction (label_rows). The value is in the
        # constraint so that its index answers a search's "has label k=v" probe alone,
        # without reading the row: SQLite takes a unique index whose every column is
        # matched over any other, so a separate covering index would go unused.
        constraints = [models.UniqueConstraint(fields=["execution", "key", "value"], name="unique_execution_label")]


# A row holds at most this many UTF-8 bytes of a label's key and value (whole
# characters): PostgreSQL refuses an index entry over 2,704 bytes, and 1,024 CJK
# characters are 3,072. Execution.labels keeps the whole label; a search compares the
# same cut (indexed_label), so values alike in their first 1,024 bytes are one to it.
KEY_BYTES, VALUE_BYTES = 255, 1024


def _cut(text: str, limit: int) -> str:
    return text.encode()[:limit].decode(errors="ignore")


def indexed_label(key, value) -> tuple[str, str]:
    """A label's key and value as its row stores them."""
    return _cut(str(key), KEY_BYTES), _cut(str(value), VALUE_BYTES)


def label_rows(execution_id: str, labels) -> list[ExecutionLabel]:
    """The rows of a label list (the last value of a repeated key wins, as merge_labels does)."""
    pairs = {}
    for label in labels or []:
        if isinstance(label, dict) and "key" in label:
            key, value = indexed_label(label["key"], label.get("value"))
            pairs[key] = value
    return [ExecutionLabel(execution_id=execution_id, key=k, value=v) for k, v in pairs.items()]


def index_labels(execution_id: str, labels, fresh: bool = False) -> None:
    """Rewrite the label rows of one execution; `fresh`: it has none yet (just inserted)."""
    if not fresh:
        ExecutionLabel.objects.filter(execution_id=execution_id).delete()
    ExecutionLabel.objects.bulk_create(label_rows(execution_id, labels))
