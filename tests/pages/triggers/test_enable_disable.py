"""Writers disable and enable a trigger, and unlock a locked one."""
import pytest

from executions.models import TriggerState

from .flows import URL, scheduled

pytestmark = pytest.mark.django_db


def test_it_disables_and_enables_a_trigger(admin_client):
    scheduled()
    response = admin_client.post(f"{URL}/hourly/disable")
    assert response.status_code == 302 and response["Location"] == URL
    assert TriggerState.objects.get(trigger_id="hourly").disabled is True
    page = admin_client.get(URL).content.decode()
    assert "Trigger hourly: disabled." in page and ">Enable<" in page
    admin_client.post(f"{URL}/hourly/enable")
    assert TriggerState.objects.get(trigger_id="hourly").disabled is False


def test_it_unlocks_a_locked_trigger(admin_client):
    scheduled()
    TriggerState.objects.create(namespace="company.team", flow_id="scheduled", trigger_id="hourly", execution_id="e1")
    admin_client.post(f"{URL}/hourly/unlock")
    assert TriggerState.objects.get(trigger_id="hourly").execution_id is None


def test_it_says_why_an_action_does_not_apply(admin_client):
    scheduled()
    TriggerState.objects.create(namespace="company.team", flow_id="scheduled", trigger_id="hourly")
    admin_client.post(f"{URL}/hourly/unlock")
    assert "is not locked" in admin_client.get(URL).content.decode()


def test_it_answers_404_for_a_trigger_the_flow_does_not_have(admin_client):
    scheduled()
    assert admin_client.post(f"{URL}/nope/disable").status_code == 404
    assert admin_client.post(f"{URL}/hourly/explode").status_code == 404
    assert not TriggerState.objects.filter(trigger_id="nope").exists()
