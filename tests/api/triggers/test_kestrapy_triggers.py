"""Kestra's official client drives the triggers API unchanged (kestrapy 2.0.x
`client.triggers.*`, raw JSON; ../shared/api-contract.md §3.7, Kestra's TriggerController)."""
import pytest

from executions.models import TriggerState

from .conftest import key, schedule_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_client_searches_disables_and_unlocks(kestra_client):
    from kestrapy.models.query_filter import QueryFilter
    from kestrapy.models.trigger_controller_set_disabled_request import TriggerControllerSetDisabledRequest

    states = schedule_flow()
    found = kestra_client.triggers.search_triggers("main", page=1, size=10, filters=[
        QueryFilter(field="triggerId", operation="EQUALS", value="hourly")])
    assert found["total"] == 1
    assert found["results"][0]["abstractTrigger"]["cron"] == "0 * * * *"
    assert found["results"][0]["triggerContext"]["namespace"] == "company.team"

    assert kestra_client.triggers.search_triggers_for_flow("main", "company.team", "nightly")["total"] == 2

    done = kestra_client.triggers.disabled_triggers_by_ids(
        "main", TriggerControllerSetDisabledRequest(triggers=[key(states[0])], disabled=True))
    assert done == {"count": 1}
    assert TriggerState.objects.get(pk=states[0].pk).disabled is True
    assert kestra_client.triggers.disable_trigger_by_id("main", {**key(states[0]), "disabled": False})[
        "disabled"] is False

    TriggerState.objects.filter(pk=states[1].pk).update(execution_id="exec1")
    assert kestra_client.triggers.unlock_trigger("main", "company.team", "nightly", "hourly")["executionId"] is None
    assert kestra_client.triggers.unlock_triggers_by_query("main") == {"count": 0}


def test_the_client_backfills_exports_and_deletes(kestra_client):
    from datetime import timedelta

    from django.utils import timezone
    from kestrapy.models.delete_triggers_by_query_request import DeleteTriggersByQueryRequest
    from kestrapy.models.query_filter import QueryFilter

    states = schedule_flow()
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    created = kestra_client.triggers.create_backfill("main", {**key(states[1]), "backfill": {
        "start": (hour - timedelta(hours=3)).isoformat(), "end": (hour - timedelta(hours=1)).isoformat()}})
    assert created["backfill"]["paused"] is False
    assert kestra_client.triggers.pause_backfill("main", key(states[1]))["backfill"]["paused"] is True
    assert kestra_client.triggers.unpause_backfill_by_ids("main", [key(states[1])]) == {"count": 1}
    assert kestra_client.triggers.delete_backfill("main", key(states[1]))["backfill"] is None

    csv = kestra_client.triggers.export_triggers("main")
    assert csv.splitlines()[0].startswith("namespace,flowId,triggerId")
    assert len(csv.splitlines()) == 3

    kestra_client.triggers.delete_trigger("main", "company.team", "nightly", "daily")
    removed = kestra_client.triggers.delete_triggers_by_query("main", DeleteTriggersByQueryRequest(filters=[
        QueryFilter(field="flowId", operation="EQUALS", value="nightly")]))
    assert removed == {"count": 1}
    assert not TriggerState.objects.exists()
