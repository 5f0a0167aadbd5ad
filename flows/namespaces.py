"""Namespaces as Kestra OSS knows them: every level of each flow's namespace (flows
create their Namespace rows when saved), the ones created explicitly, and the system
namespace. A namespace holding flows cannot be deleted."""
from __future__ import annotations

from django.db import transaction

from flows.models import Flow, Namespace
from flows.spec.ids import MAX_NAMESPACE, NAMESPACE

SYSTEM_NAMESPACE = "system"


class BadNamespace(ValueError):
    """A namespace id that Kestra's rule refuses."""


class NamespaceExists(ValueError):
    pass


class NamespaceInUse(ValueError):
    """The namespace (or a child) still holds flows."""


def check_id(name: str) -> str:
    if not isinstance(name, str) or not NAMESPACE.fullmatch(name) or ".." in name or name.endswith("."):
        raise BadNamespace(f"Invalid namespace '{name}': lowercase letters, digits, '.', '_' and '-', "
                           "starting with a letter or digit")
    if len(name) > MAX_NAMESPACE:
        # Kestra's limit; longer failed PostgreSQL's varchar(255) column, and a file
        # system's 255-byte folder name for namespace files, with a 500.
        raise BadNamespace(f"Invalid namespace '{name[:40]}...': longer than {MAX_NAMESPACE} characters")
    return name


def exists(name: str) -> bool:
    return name == SYSTEM_NAMESPACE or Namespace.objects.filter(name=name).exists()


def create(name: str) -> Namespace:
    check_id(name)
    with transaction.atomic():
        if Namespace.objects.filter(name=name).exists():
            raise NamespaceExists(f"Namespace '{name}' already exists")
        return Namespace.ensure(name)


def delete(name: str) -> bool:
    """Remove the namespace and its children; False when it did not exist."""
    children = Flow.objects.filter(deleted=False, namespace__startswith=f"{name}.") | Flow.objects.filter(
        deleted=False, namespace=name)
    if children.exists():
        raise NamespaceInUse(f"Namespace '{name}' still holds flows; delete them first")
    deleted, _ = Namespace.objects.filter(name=name).delete()  # children cascade
    return deleted > 0


def all_names():
    """A queryset of the known namespaces' names (the system namespace aside)."""
    return Namespace.objects.all()
