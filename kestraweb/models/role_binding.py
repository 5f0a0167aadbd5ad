from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models


class Role(models.TextChoices):
    """What a binding allows in its namespaces: viewer reads, editor also writes
    (flows, executions, KV, ...), admin also manages (kestraweb.access.ACTIONS)."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"


class RoleBinding(models.Model):
    """A role granted to one user or one group over a namespace and its children.

    `namespace` is a prefix on namespace boundaries: `company` covers `company` and
    `company.team`, not `companyx`. An empty namespace or `*` covers every namespace."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="role_bindings")
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.CASCADE, related_name="role_bindings")
    role = models.CharField(max_length=10, choices=Role.choices)
    namespace = models.CharField(max_length=255, blank=True, help_text="Namespace prefix; empty or * for all")

    class Meta:
        ordering = ["namespace", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(user__isnull=False, group__isnull=True)
                           | models.Q(user__isnull=True, group__isnull=False)),
                name="role_binding_user_xor_group"),
        ]

    def __str__(self):
        return f"{self.user or self.group}: {self.role} on {self.namespace or '*'}"
