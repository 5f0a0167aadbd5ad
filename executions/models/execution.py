from django.db import models

from .execution_label import index_labels
from .state_history import StateHistory, iso


class Execution(StateHistory):
    """One run of one flow revision: a persisted state machine that any process can
    pick up where another left it."""

    id = models.CharField(primary_key=True, max_length=32)
    namespace = models.CharField(max_length=255)
    flow_id = models.CharField(max_length=255)
    flow_revision = models.PositiveIntegerField()
    inputs = models.JSONField(default=dict, blank=True)
    outputs = models.JSONField(default=dict, blank=True)
    labels = models.JSONField(default=list, blank=True)
    variables = models.JSONField(default=dict, blank=True)
    trigger = models.JSONField(null=True, blank=True)
    # Set when a Subflow task started this execution: its execution, taskrun and flow.
    parent = models.JSONField(null=True, blank=True)
    parent_id = models.CharField(max_length=32, null=True, blank=True, db_index=True)
    original_id = models.CharField(max_length=32, null=True, blank=True)
    # The execution this one replays (Kestra's `parentId`); a subflow's parent is in
    # `parent`/`parent_id` above, which Kestra keeps in the trigger instead.
    replay_of = models.CharField(max_length=32, null=True, blank=True)
    # Kestra's execution metadata: attemptNumber grows with each restart, replay and
    # taskrun state change; originalCreatedDate is the first execution's creation.
    metadata = models.JSONField(default=dict, blank=True)
    # Set by createExecution's scheduleDate: the execution stays CREATED until then
    # (Kestra's ExecutionDelay); the executor waits, the sweeper starts it when due.
    schedule_date = models.DateTimeField(null=True, blank=True)
    # Kestra's ExecutionKind (NORMAL, TEST, PLAYGROUND) when one was asked for; null
    # for an ordinary execution, as Kestra leaves it.
    kind = models.CharField(max_length=16, null=True, blank=True)
    # Kestra 2.0's debugging breakpoints, [{"id": taskId, "value": loop value or absent}]:
    # the executor holds each matching taskrun before it starts (engine/breakpoints.py).
    breakpoints = models.JSONField(null=True, blank=True)
    deleted = models.BooleanField(default=False)
    # Bumped by every executor round that changes something, so a second executor on
    # the same execution notices and reloads instead of deciding on a stale view.
    version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["namespace", "flow_id", "-created"], name="execution_by_flow"),
            models.Index(fields=["state", "-created"], name="execution_by_state"),
            # The API's search sorts on state.startDate (newest first) by default.
            models.Index(fields=["-start_date", "id"], name="execution_by_start"),
            # With `id`, a search by namespace counts and pages from the index alone:
            # a label's EXISTS looks up by id without reading each execution's row.
            models.Index(fields=["namespace", "-start_date", "id"], name="execution_ns_start_id"),
            models.Index(fields=["namespace", "flow_id", "-start_date"], name="execution_flow_start"),
            # A state's executions newest first, to the id that breaks ties (a sort on
            # the id alone made SQLite scan every execution for a state that has none);
            # with `deleted`, the dashboard counts a day's executions by state from the
            # index alone, in its order (executions.daily_stats.daily_counts).
            models.Index(fields=["state", "-start_date", "id", "deleted"], name="execution_state_start_id"),
            # A flow named without its namespace (`?flowId=`): newest first and counted
            # from the index, where execution_flow_start needs the namespace first.
            models.Index(fields=["flow_id", "-start_date", "id"], name="execution_flowid_start_id"),
        ]

    def save(self, *args, **kwargs):
        """Saving the labels rewrites their index rows (ExecutionLabel), in the same
        transaction as the caller's."""
        fresh = bool(kwargs.get("force_insert"))
        update_fields = kwargs.get("update_fields")
        super().save(*args, **kwargs)
        if update_fields is None or "labels" in update_fields:
            index_labels(self.pk, self.labels, fresh=fresh)

    def metadata_json(self) -> dict:
        """Kestra's `metadata`, with its defaults for an execution never restarted."""
        return {"attemptNumber": 1, "originalCreatedDate": iso(self.created) if self.created else None,
                **(self.metadata or {})}

    def __str__(self):
        return f"{self.namespace}.{self.flow_id} {self.id} {self.state}"
