"""A disabled flow cannot be executed: the page says so and starts nothing."""
import pytest

from executions.models import Execution

from .flows import URL, every_input

pytestmark = pytest.mark.django_db


def test_it_says_a_disabled_flow_cannot_run(admin_client):
    flow = every_input()
    flow.disabled = True
    flow.save()
    page = admin_client.get(URL)
    assert page.status_code == 200
    assert "Requested Flow is disabled." in page.content.decode()
    assert 'id="execute-form"' not in page.content.decode()
    response = admin_client.post(URL, {"count": "1"})
    assert response.status_code == 409
    assert not Execution.objects.exists()
