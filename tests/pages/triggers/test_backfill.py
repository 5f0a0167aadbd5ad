"""A Schedule's backfill: set from start to end with inputs and labels, paused, resumed
and deleted; a bad one is refused with its reason and changes nothing."""
import pytest

from executions.models import TriggerState

from .flows import URL, scheduled

pytestmark = pytest.mark.django_db


def test_it_sets_a_backfill(admin_client):
    scheduled()
    response = admin_client.post(f"{URL}/hourly/backfill", {
        "start": "2024-01-01T00:00", "end": "2024-01-02T00:00", "inputs": '{"day": 1}',
        "labels": '{"replay": "true"}'})
    assert response.status_code == 302
    backfill = TriggerState.objects.get(trigger_id="hourly").backfill
    assert backfill["start"].startswith("2024-01-01") and backfill["end"].startswith("2024-01-02")
    assert backfill["inputs"] == {"day": 1} and backfill["labels"] == [{"key": "replay", "value": "true"}]
    assert "Pause backfill" in admin_client.get(URL).content.decode()


def test_it_pauses_resumes_and_deletes_the_backfill(admin_client):
    scheduled()
    admin_client.post(f"{URL}/hourly/backfill", {"start": "2024-01-01T00:00", "end": "2024-01-02T00:00"})
    admin_client.post(f"{URL}/hourly/pause-backfill")
    assert TriggerState.objects.get(trigger_id="hourly").backfill["paused"] is True
    assert "Resume backfill" in admin_client.get(URL).content.decode()
    admin_client.post(f"{URL}/hourly/resume-backfill")
    assert TriggerState.objects.get(trigger_id="hourly").backfill["paused"] is False
    admin_client.post(f"{URL}/hourly/delete-backfill")
    assert TriggerState.objects.get(trigger_id="hourly").backfill is None


def test_it_refuses_a_backfill_ending_before_it_starts(admin_client):
    scheduled()
    response = admin_client.post(f"{URL}/hourly/backfill", {"start": "2024-02-01T00:00", "end": "2024-01-01T00:00"})
    assert response.status_code == 200
    assert "must be before end" in response.content.decode()
    assert not TriggerState.objects.get(trigger_id="hourly").backfill


def test_it_names_a_bad_field(admin_client):
    scheduled()
    html = admin_client.post(f"{URL}/hourly/backfill", {"start": "", "inputs": "[1]"}).content.decode()
    assert "This field is required." in html and "must be a JSON map of input values" in html


def test_it_refuses_to_backfill_a_webhook(admin_client):
    scheduled()
    html = admin_client.post(f"{URL}/hook/backfill", {"start": "2024-01-01T00:00"}).content.decode()
    assert "only an enabled Schedule trigger can be backfilled" in html
