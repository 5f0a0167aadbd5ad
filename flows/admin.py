from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html

from flows.admin_execute import can_execute, execute_view
from flows.admin_flow_form import FlowSourceForm
from flows.models import Flow, FlowRevision, Namespace, Template
from flows.services import save_flow


class FlowRevisionInline(admin.TabularInline):
    model = FlowRevision
    extra = 0
    fields = ("revision", "created")
    readonly_fields = ("revision", "created")
    show_change_link = True


@admin.register(Flow)
class FlowAdmin(admin.ModelAdmin):
    list_display = ("flow_id", "namespace", "revision", "disabled", "deleted", "updated", "execute")
    list_filter = ("namespace", "disabled", "deleted")
    search_fields = ("flow_id", "namespace", "description")
    form = FlowSourceForm
    readonly_fields = ("namespace", "flow_id", "revision", "description", "disabled", "deleted", "created", "updated")
    inlines = [FlowRevisionInline]

    def get_fields(self, request, obj=None):
        return ["source"] if obj is None else ["source", *self.readonly_fields]

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        saved, _ = save_flow(form.cleaned_data["source"])
        obj.pk = saved.pk
        obj.refresh_from_db()

    def get_urls(self):
        execute = self.admin_site.admin_view(lambda request, object_id: execute_view(self, request, object_id))
        return [path("<path:object_id>/execute/", execute, name="flows_flow_execute"), *super().get_urls()]

    @admin.display(description="")
    def execute(self, flow):
        return format_html('<a href="{}">Execute</a>', reverse("admin:flows_flow_execute", args=[flow.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        flow = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "can_execute": flow is not None and can_execute(request, self, flow)}
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(FlowRevision)
class FlowRevisionAdmin(admin.ModelAdmin):
    list_display = ("flow", "revision", "created")
    list_filter = ("flow__namespace",)
    search_fields = ("flow__flow_id",)


@admin.register(Namespace)
class NamespaceAdmin(admin.ModelAdmin):
    list_display = ("name", "parent", "created")
    search_fields = ("name",)


@admin.register(Template)
class TemplateAdmin(admin.ModelAdmin):
    list_display = ("template_id", "namespace", "updated")
    list_filter = ("namespace",)
    search_fields = ("template_id", "namespace", "description")
