"""Fixtures of the page tests: a superuser, a user with no role, and Django test
clients logged in as each (session auth, as a browser)."""
import pytest
from django.test import Client

PASSWORD = "pass-word-1"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)


@pytest.fixture
def plain_user(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.com", PASSWORD)


@pytest.fixture
def admin_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client


@pytest.fixture
def alice_client(plain_user):
    client = Client()
    client.force_login(plain_user)
    return client


def grant(user, role: str, namespace: str):
    """Bind a role (viewer, editor, admin) over a namespace prefix to a user."""
    from kestraweb.models import RoleBinding

    return RoleBinding.objects.create(user=user, role=role, namespace=namespace)
