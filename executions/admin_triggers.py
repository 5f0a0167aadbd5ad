"""The admin's Triggers list (Kestra's Triggers page): each trigger of each flow with its
type, last and next date, whether it is disabled or locked (its execution still runs),
and its backfill; actions disable, enable and unlock, and a Backfill page per Schedule
trigger (Kestra's backfill: start, end, inputs, labels)."""
from __future__ import annotations

import json

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from executions.backfill_form import BackfillForm
from executions.models import TriggerState
from executions.scheduler.backfills import BackfillInvalid, set_backfill
from executions.scheduler.locks import unlock
from executions.trigger_switch import switch

TEMPLATE = "admin/executions/triggerstate/backfill.html"


@admin.register(TriggerState)
class TriggerStateAdmin(admin.ModelAdmin):
    list_display = ("namespace", "flow_id", "trigger_id", "trigger_type", "last_date", "next_date", "disabled",
                    "is_locked", "backfill_link")
    list_filter = ("namespace", "disabled", "trigger_type")
    search_fields = ("flow_id", "trigger_id")
    actions = ("disable", "enable", "unlock")
    readonly_fields = [field.name for field in TriggerState._meta.fields]

    def has_add_permission(self, request):
        return False  # a trigger's state comes from its flow

    @admin.display(boolean=True, description="locked")
    def is_locked(self, state):
        return state.locked

    @admin.display(description="backfill")
    def backfill_link(self, state):
        url = reverse("admin:executions_triggerstate_backfill", args=[state.pk])
        if state.backfill:
            return format_html('<a href="{}">replaying from {}</a>', url, state.backfill["current"])
        return format_html('<a href="{}">Backfill</a>', url)

    @admin.action(description="Disable the selected triggers", permissions=["change"])
    def disable(self, request, queryset):
        for state in queryset:
            switch(state, False)
        self.message_user(request, f"{queryset.count()} trigger(s) disabled.")

    @admin.action(description="Enable the selected triggers", permissions=["change"])
    def enable(self, request, queryset):
        for state in queryset:
            switch(state, True)
        self.message_user(request, f"{queryset.count()} trigger(s) enabled.")

    @admin.action(description="Unlock the selected triggers", permissions=["change"])
    def unlock(self, request, queryset):
        for state in queryset:
            unlock(state)
        self.message_user(request, f"{queryset.count()} trigger(s) unlocked.")

    def get_urls(self):
        backfill = self.admin_site.admin_view(self.backfill_view)
        return [path("<path:object_id>/backfill/", backfill, name="executions_triggerstate_backfill"),
                *super().get_urls()]

    def backfill_view(self, request, object_id):
        state = self.get_object(request, unquote(object_id))
        if state is None:
            raise Http404(f"no trigger with id {object_id!r}")
        if not self.has_change_permission(request, state):
            raise PermissionDenied
        form = BackfillForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                set_backfill(state, data["start"], data["end"], data["inputs"], data["labels"])
            except BackfillInvalid as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Backfill of {state} set: its dates since {data['start']} are replayed.")
                return redirect("admin:executions_triggerstate_changelist")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "original": state,
                   "title": f"Backfill {state}", "form": form,
                   "current": json.dumps(state.backfill) if state.backfill else None}
        return TemplateResponse(request, TEMPLATE, context)
