"""Access on pages: every page needs a logged-in user (`page`), and a page about one
namespace checks the role there. A namespace the user may not read answers 404, as the
API does, so a page never tells that an object exists; seeing but not changing answers 403."""
from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kestraweb.access import READ, WRITE, can


def page(view):
    """A page view: anonymous users go to the login page first."""
    return login_required(view)


def require_read(user, namespace: str) -> None:
    if not can(user, READ, namespace):
        raise Http404("no such object")


def require_write(user, namespace: str) -> None:
    require_read(user, namespace)
    if not can(user, WRITE, namespace):
        raise PermissionDenied(f"your role in namespace {namespace} does not allow changes")


def may_write(user, namespace: str) -> bool:
    """For templates: show an Edit or Delete button only to who may use it."""
    return can(user, WRITE, namespace)
