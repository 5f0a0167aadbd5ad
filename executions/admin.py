"""Executions in the admin are records, not forms: an execution, its taskruns and its
logs are written by the engine only, so the admin shows them and changes nothing (no
add, change or delete; the operations on executions, kill, restart, replay, come as
admin actions calling the engine's operations). Key-value pairs stay editable; the
triggers' list and its actions are in admin_triggers."""
from django.contrib import admin

from executions import admin_triggers  # noqa: F401  (registers the Triggers list)
from executions.admin_execution_page import duration_text, json_block, logs_table, masked_inputs, taskruns_table
from executions.models import Execution, KVEntry, LogEntry, TaskRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Execution)
class ExecutionAdmin(ReadOnlyAdmin):
    list_display = ("id", "namespace", "flow_id", "flow_revision", "state", "start_date", "end_date")
    list_filter = ("state", "namespace", "deleted")
    search_fields = ("id", "flow_id", "namespace")
    date_hierarchy = "created"
    fieldsets = [
        (None, {"fields": ["id", "namespace", "flow_id", "flow_revision", "state", "start_date", "end_date",
                           "duration", "labels", "trigger", "parent_id", "replay_of", "original_id"]}),
        ("Taskruns", {"fields": ["taskruns"]}),
        ("Logs", {"fields": ["logs"]}),
        ("Inputs", {"fields": ["inputs_shown"]}),
        ("Outputs", {"fields": ["outputs_shown"]}),
    ]
    readonly_fields = ["duration", "taskruns", "logs", "inputs_shown", "outputs_shown"]

    @admin.display(description="duration")
    def duration(self, execution):
        return duration_text(execution.start_date, execution.end_date)

    @admin.display(description="taskruns")
    def taskruns(self, execution):
        return taskruns_table(execution)

    @admin.display(description="logs")
    def logs(self, execution):
        return logs_table(execution)

    @admin.display(description="inputs")
    def inputs_shown(self, execution):
        return json_block(masked_inputs(execution.inputs))

    @admin.display(description="outputs")
    def outputs_shown(self, execution):
        return json_block(execution.outputs)


@admin.register(TaskRun)
class TaskRunAdmin(ReadOnlyAdmin):
    list_display = ("id", "execution", "task_id", "value", "state", "start_date", "end_date")
    list_filter = ("state",)
    search_fields = ("id", "task_id", "execution__id")
    exclude = ("memo",)  # the engine's own bookkeeping


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin):
    list_display = ("timestamp", "level", "namespace", "flow_id", "task_id", "short_message")
    list_filter = ("level", "namespace")
    search_fields = ("message", "execution_id", "flow_id")
    date_hierarchy = "timestamp"

    @admin.display(description="message")
    def short_message(self, entry):
        return entry.message[:120]


@admin.register(KVEntry)
class KVEntryAdmin(admin.ModelAdmin):
    list_display = ("namespace", "key", "expiration", "updated")
    list_filter = ("namespace",)
    search_fields = ("key", "namespace")
