"""The admin pages of API tokens (never their secret) and role bindings."""
from django.contrib import admin

from .models import ApiToken, RoleBinding


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by their user (`POST /api/v1/me/api-tokens`, shown once); the
    admin lists, expires and revokes them. The hash stays hidden: it is of no use to anyone."""

    list_display = ["name", "user", "prefix", "created", "last_used", "expires_at"]
    list_filter = ["user"]
    search_fields = ["name", "prefix", "user__username"]
    fields = ["user", "name", "prefix", "created", "last_used", "expires_at"]
    readonly_fields = ["user", "prefix", "created", "last_used"]

    def has_add_permission(self, request):
        return False


@admin.register(RoleBinding)
class RoleBindingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "group", "role", "namespace"]
    list_filter = ["role", "group"]
    search_fields = ["namespace", "user__username", "group__name"]
    autocomplete_fields = ["user", "group"]
