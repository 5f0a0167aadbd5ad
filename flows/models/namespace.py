from django.db import models


class Namespace(models.Model):
    """A dotted namespace (`company.team.sub`); each level exists as its own row so the
    UI can show a tree and a namespace's children can be listed by `parent`."""

    name = models.CharField(max_length=255, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def ensure(cls, name: str) -> "Namespace":
        """The namespace with this name, created with all its ancestors when missing."""
        parent = None
        parts = name.split(".")
        for depth in range(1, len(parts) + 1):
            prefix = ".".join(parts[:depth])
            parent, _ = cls.objects.get_or_create(name=prefix, defaults={"parent": parent})
        return parent
