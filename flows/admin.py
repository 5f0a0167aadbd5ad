from django.contrib import admin

from .models import Flow, FlowRevision, Namespace, Template


class FlowRevisionInline(admin.TabularInline):
    model = FlowRevision
    extra = 0
    fields = ("revision", "created")
    readonly_fields = ("revision", "created")
    show_change_link = True


@admin.register(Flow)
class FlowAdmin(admin.ModelAdmin):
    list_display = ("flow_id", "namespace", "revision", "disabled", "deleted", "updated")
    list_filter = ("namespace", "disabled", "deleted")
    search_fields = ("flow_id", "namespace", "description")
    readonly_fields = ("revision", "created", "updated")
    inlines = [FlowRevisionInline]


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
