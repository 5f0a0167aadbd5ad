"""The Triggers tab lists each trigger of the flow with its type and state."""
from datetime import UTC, datetime

import pytest

from executions.models import TriggerState

from .flows import URL, scheduled

pytestmark = pytest.mark.django_db


def test_it_lists_each_trigger_with_its_type_and_state(admin_client):
    scheduled()
    TriggerState.objects.create(namespace="company.team", flow_id="scheduled", trigger_id="hourly",
                                next_date=datetime(2030, 1, 1, 10, tzinfo=UTC), execution_id="abc123")
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-trigger-id="hourly"' in html and 'data-trigger-id="hook"' in html
    assert "Schedule" in html and "Webhook" in html and "0 * * * *" in html
    assert "2030-01-01" in html
    assert "Locked by" in html and "abc123" in html
    assert ">Unlock<" in html and ">Disable<" in html
    assert 'action="/ui/flows/edit/company.team/scheduled/triggers/hourly/backfill"' in html
    assert "/triggers/hook/backfill" not in html  # only a Schedule has a backfill
    assert 'aria-current="page">Triggers' in html


def test_it_says_when_a_flow_has_no_triggers(admin_client):
    from tests.flow_runs import save

    save("""
    id: plain
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    """)
    html = admin_client.get("/ui/flows/edit/company.team/plain/triggers").content.decode()
    assert "This flow has no triggers." in html


def test_it_offers_an_empty_backfill_form(admin_client):
    scheduled()
    html = admin_client.get(URL).content.decode()
    assert "null</textarea>" not in html and "{}</textarea>" in html


def test_it_says_when_the_flow_is_not_valid(admin_client):
    flow = scheduled()
    flow.source = flow.source.replace("cron:", "crontab:")
    flow.save()
    html = admin_client.get(URL).content.decode()
    assert "The flow is not valid" in html and "crontab" in html
