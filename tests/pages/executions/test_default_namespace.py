"""The user's default namespace (Settings) filters the list when no filter is given;
a filter given, even an empty one, wins."""
import pytest

from kestraweb.models import Preferences

from .conftest import execution

pytestmark = pytest.mark.django_db


def test_the_default_namespace_prefilters_the_list(admin_client, admin_user):
    execution("in", namespace="company.team")
    execution("out", namespace="other", minutes=1)
    Preferences.objects.create(user=admin_user, default_namespace="company")
    response = admin_client.get("/ui/executions")
    assert [e.id for e in response.context["executions"]] == ["in"]
    assert 'name="namespace" value="company"' in response.content.decode()
    assert [e.id for e in admin_client.get("/ui/executions", {"namespace": ""}).context["executions"]] == ["out", "in"]
