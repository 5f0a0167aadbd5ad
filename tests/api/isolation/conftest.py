"""The namespace isolation tests' world and clients (tests/api/isolation): the same
objects in `company.team`, visible, and in hidden `other`, `company.teamx` and
`company-team`; a viewer or an editor of `company.team`, bound to the user or through a
group."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from kestraweb.models import RoleBinding

from ..conftest import PASSWORD, basic
from . import world
from .world import VISIBLE

API = "/api/v1/main/"
HIDDEN_RUN = world.execution_id("other", "SUCCESS")



def client_of(username: str, role: str, through: str = "user") -> APIClient:
    """A client of a user granted `role` on company.team, itself or through a group."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD)
    if through == "group":
        team = Group.objects.create(name=f"{username}s")
        user.groups.add(team)
        RoleBinding.objects.create(group=team, role=role, namespace=VISIBLE)
    else:
        RoleBinding.objects.create(user=user, role=role, namespace=VISIBLE)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=basic(username))
    return api


@pytest.fixture
def built(db):
    world.build()


@pytest.fixture(params=["user", "group"])
def viewer(built, request):
    return client_of("viewer", "viewer", request.param)


@pytest.fixture(params=["user", "group"])
def editor(built, request):
    return client_of("editor", "editor", request.param)

