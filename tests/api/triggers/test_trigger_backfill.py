"""PUT /triggers/backfill/create, pause, unpause and POST /triggers/backfill/delete with
their bulk forms (Kestra's TriggerController backfill actions: a Schedule's past dates
replayed; a trigger without backfill is refused alone and skipped in bulk)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import TriggerState
from kestraweb.models import RoleBinding
from tests.api.conftest import assert_problem

from .conftest import key

pytestmark = pytest.mark.django_db


def backfill(hours_ago=5):
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    return {"start": (hour - timedelta(hours=hours_ago)).isoformat(), "end": (hour - timedelta(hours=1)).isoformat(),
            "inputs": {}, "labels": [{"key": "replay", "value": "yes"}]}


def test_it_creates_a_backfill(client, states):
    body = client.put("/api/v1/main/triggers/backfill/create", {**key(states[1]), "backfill": backfill()},
                      format="json").json()
    assert body["backfill"]["paused"] is False
    assert body["backfill"]["labels"] == [{"key": "replay", "value": "yes"}]
    assert body["backfill"]["currentDate"] == body["backfill"]["start"]
    assert TriggerState.objects.get(pk=states[1].pk).backfill["labels"] == [{"key": "replay", "value": "yes"}]


def test_it_pauses_unpauses_and_deletes_a_backfill(client, states):
    client.put("/api/v1/main/triggers/backfill/create", {**key(states[1]), "backfill": backfill()}, format="json")
    assert client.put("/api/v1/main/triggers/backfill/pause", key(states[1]),
                      format="json").json()["backfill"]["paused"] is True
    assert TriggerState.objects.get(pk=states[1].pk).backfill["paused"] is True
    assert client.put("/api/v1/main/triggers/backfill/unpause", key(states[1]),
                      format="json").json()["backfill"]["paused"] is False
    deleted = client.post("/api/v1/main/triggers/backfill/delete", key(states[1]), format="json").json()
    assert deleted["backfill"] is None
    assert TriggerState.objects.get(pk=states[1].pk).backfill is None


def test_bulk_backfill_actions_count_only_triggers_with_one(client, states):
    client.put("/api/v1/main/triggers/backfill/create", {**key(states[1]), "backfill": backfill()}, format="json")
    every = [key(s) for s in states]
    assert client.post("/api/v1/main/triggers/backfill/pause/by-triggers", every, format="json").json() == {"count": 1}
    assert client.post("/api/v1/main/triggers/backfill/unpause/by-query").json() == {"count": 1}
    assert client.post("/api/v1/main/triggers/backfill/delete/by-query?filters[namespace][EQUALS]=other").json() == {
        "count": 0}
    assert client.post("/api/v1/main/triggers/backfill/delete/by-triggers", every, format="json").json() == {
        "count": 1}


def test_it_refuses_bad_backfills(client, states):
    url = "/api/v1/main/triggers/backfill/create"
    late = {**backfill(), "end": (timezone.now() + timedelta(days=1)).isoformat()}
    assert_problem(client.put(url, {**key(states[1]), "backfill": late}, format="json"), 422)
    assert_problem(client.put(url, {**key(states[1]), "backfill": {"start": "yesterday"}}, format="json"), 422)
    assert_problem(client.put(url, {**key(states[1])}, format="json"), 422)
    assert_problem(client.put("/api/v1/main/triggers/backfill/pause", key(states[1]), format="json"), 409)
    assert TriggerState.objects.get(pk=states[1].pk).backfill is None


def test_a_viewer_cannot_backfill(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.put("/api/v1/main/triggers/backfill/create", {**key(states[1]), "backfill": backfill()},
                             format="json"), 403)
