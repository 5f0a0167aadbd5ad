from django.contrib import admin

from .models import Execution, KVEntry, LogEntry, TaskRun, TriggerState


class TaskRunInline(admin.TabularInline):
    model = TaskRun
    extra = 0
    fields = ("seq", "task_id", "value", "state", "start_date", "end_date")
    readonly_fields = fields
    show_change_link = True


@admin.register(Execution)
class ExecutionAdmin(admin.ModelAdmin):
    list_display = ("id", "namespace", "flow_id", "flow_revision", "state", "start_date", "end_date")
    list_filter = ("state", "namespace", "deleted")
    search_fields = ("id", "flow_id", "namespace")
    date_hierarchy = "created"
    inlines = [TaskRunInline]


@admin.register(TaskRun)
class TaskRunAdmin(admin.ModelAdmin):
    list_display = ("id", "execution", "task_id", "value", "state", "start_date", "end_date")
    list_filter = ("state",)
    search_fields = ("id", "task_id", "execution__id")
    raw_id_fields = ("execution", "parent")


@admin.register(LogEntry)
class LogEntryAdmin(admin.ModelAdmin):
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


@admin.register(TriggerState)
class TriggerStateAdmin(admin.ModelAdmin):
    list_display = ("namespace", "flow_id", "trigger_id", "last_date", "next_date", "disabled")
    list_filter = ("namespace", "disabled")
    search_fields = ("flow_id", "trigger_id")
