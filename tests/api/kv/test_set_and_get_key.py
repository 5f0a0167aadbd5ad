"""PUT/GET/DELETE /namespaces/{ns}/kv/{key} (Kestra's KVController: setKeyValue reads
the text body with its Ion mapper and refuses invalid JSON; getKeyValue answers
TypedValue{type: KVType.from(value), value}; headers ttl and description)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import KVEntry
from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db
URL = "/api/v1/main/namespaces/company/kv"


def put(client, key, text, **headers):
    return client.put(f"{URL}/{key}", text, content_type="text/plain", **headers)


@pytest.mark.parametrize("text, kind, value", [
    ('"text"', "STRING", "text"), ("42", "NUMBER", 42), ("4.5", "NUMBER", 4.5), ("true", "BOOLEAN", True),
    ('{"a": 1}', "JSON", {"a": 1}), ("[1, 2]", "JSON", [1, 2]), ("hello", "STRING", "hello"),
    ("2024-01-02T03:04:05.500+01:00", "DATETIME", "2024-01-02T02:04:05.500Z"), ("2024-01-02", "DATE", "2024-01-02"),
])
def test_it_keeps_the_values_type(client, text, kind, value):
    assert put(client, "my_key", text).status_code == 200
    body = client.get(f"{URL}/my_key").json()
    assert (body["type"], body["value"], body["revision"]) == (kind, value, 1)
    assert body["updated"]


def test_a_new_value_is_a_new_revision_with_its_description_and_ttl(client):
    put(client, "k", "1")
    assert put(client, "k", "2", HTTP_TTL="PT1H", HTTP_DESCRIPTION="the answer").status_code == 200
    assert client.get(f"{URL}/k").json()["revision"] == 2
    entry = KVEntry.objects.get(key="k")
    assert entry.description == "the answer"
    assert timedelta(minutes=59) < entry.expiration - timezone.now() <= timedelta(hours=1)


def test_it_refuses_invalid_values_keys_and_ttls(client):
    assert "my_key" in assert_problem(put(client, "my_key", "{not json"), 422)["detail"]
    assert "my_key" in assert_problem(put(client, "my_key", " "), 422)["detail"]
    assert_problem(put(client, "-bad", "1"), 422)
    assert_problem(put(client, "k", "1", HTTP_TTL="soon"), 422)
    assert not KVEntry.objects.exists()


def test_a_missing_or_expired_key_is_not_found(client):
    assert_problem(client.get(f"{URL}/nope"), 404)
    KVEntry.objects.create(namespace="company", key="old", value=1, expiration=timezone.now() - timedelta(seconds=1))
    assert_problem(client.get(f"{URL}/old"), 404)


def test_delete_answers_whether_the_key_was_there(client):
    put(client, "k", "1")
    assert client.delete(f"{URL}/k").json() is True
    assert client.delete(f"{URL}/k").json() is False


def test_it_deletes_keys_in_bulk(client):
    put(client, "a", "1")
    put(client, "b", "2")
    response = client.delete(URL, {"keys": ["a", "b", "c"]}, format="json")
    assert response.json() == {"keys": ["a", "b"]}
    assert not KVEntry.objects.exists()


def test_a_viewer_reads_but_cannot_change_keys(alice, plain_user, client):
    put(client, "k", "1")
    assert_problem(alice.get(f"{URL}/k"), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert alice.get(f"{URL}/k").json()["value"] == 1
    assert_problem(put(alice, "k", "2"), 403)
    assert_problem(alice.delete(f"{URL}/k"), 403)
    assert_problem(alice.delete(URL, {"keys": ["k"]}, format="json"), 403)
    assert KVEntry.objects.get(key="k").value == 1


def test_a_json_body_keeps_its_strings(client):
    """KVController consumes application/json too; a quoted date there is a string."""
    assert client.put(f"{URL}/k", '"2024-01-02"', content_type="application/json").status_code == 200
    assert client.get(f"{URL}/k").json()["type"] == "STRING"
    client.put(f"{URL}/k", '{"a": [1]}', content_type="application/json")
    assert client.get(f"{URL}/k").json() == {"type": "JSON", "value": {"a": [1]}, "revision": 2,
                                             "updated": client.get(f"{URL}/k").json()["updated"]}
