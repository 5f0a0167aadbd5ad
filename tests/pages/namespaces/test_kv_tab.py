"""The KV tab lists keys with type and expiry; writers add, edit (typed, with a TTL)
and delete; a viewer sees the keys but neither buttons nor changes (403)."""
import pytest

from executions.kv_store import NamespaceKV
from executions.models import KVEntry
from tests.pages.conftest import grant

pytestmark = pytest.mark.django_db
URL = "/ui/namespaces/edit/company.team/kv"


def test_it_lists_keys_with_their_type_and_expiry(admin_client):
    store = NamespaceKV("company.team")
    store.set("greeting", "hello")
    store.set("limits", {"rows": 10}, ttl="PT1H")
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert [(entry.key, kind) for entry, kind in response.context["entries"]] == [("greeting", "STRING"),
                                                                                  ("limits", "JSON")]
    assert "never" in response.content.decode()


@pytest.mark.parametrize("kind, text, stored, recorded", [
    ("STRING", " spaced ", " spaced ", ""), ("NUMBER", "42", 42, ""), ("BOOLEAN", "true", True, ""),
    ("JSON", '{"a": [1, 2]}', {"a": [1, 2]}, ""), ("DATE", "2026-01-31", "2026-01-31", "DATE"),
    ("DATETIME", "2026-01-31T10:00:00Z", "2026-01-31T10:00:00Z", "DATETIME"),
    ("DURATION", "PT5M", "PT5M", "DURATION"), ("JSON", "42", 42, "JSON")])
def test_a_writer_stores_a_typed_value(admin_client, kind, text, stored, recorded):
    response = admin_client.post(f"{URL}/save", {"key": "k", "type": kind, "value": text, "ttl": "",
                                                 "description": "d"})
    assert response.status_code == 302, response.context and response.context["form"].errors
    entry = KVEntry.objects.get(namespace="company.team", key="k")
    assert (entry.value, entry.value_type, entry.description) == (stored, recorded, "d")


def test_a_ttl_sets_the_expiry(admin_client):
    admin_client.post(f"{URL}/save", {"key": "short", "type": "STRING", "value": "x", "ttl": "PT1H"})
    assert KVEntry.objects.get(key="short").expiration is not None


@pytest.mark.parametrize("field, data", [
    ("value", {"type": "NUMBER", "value": "many"}), ("value", {"type": "BOOLEAN", "value": "yes"}),
    ("value", {"type": "JSON", "value": "{oops"}), ("ttl", {"ttl": "one hour"}), ("key", {"key": "-bad key"})])
def test_a_bad_value_is_named_and_nothing_is_stored(admin_client, field, data):
    response = admin_client.post(f"{URL}/save", {"key": "k", "type": "STRING", "value": "v", **data})
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not KVEntry.objects.exists()


def test_editing_prefills_the_form_and_replaces_the_value(admin_client):
    NamespaceKV("company.team").set("conf", {"a": 1})
    form = admin_client.get(f"{URL}?edit=conf").context["form"]
    assert form.initial["type"] == "JSON" and '"a": 1' in form.initial["value"]
    admin_client.post(f"{URL}/save", {"key": "conf", "type": "JSON", "value": '{"a": 2}'})
    entry = KVEntry.objects.get(key="conf")
    assert entry.value == {"a": 2} and entry.revision == 2


def test_a_writer_deletes_a_key(admin_client):
    NamespaceKV("company.team").set("old", 1)
    assert admin_client.post(f"{URL}/delete", {"key": "old"}).status_code == 302
    assert not KVEntry.objects.filter(key="old").exists()


def test_a_viewer_sees_keys_but_cannot_change_them(alice_client, plain_user):
    grant(plain_user, "viewer", "company")
    NamespaceKV("company.team").set("kept", "v")
    response = alice_client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200 and "kept" in body
    assert "Delete" not in body and "Add a key" not in body and "/kv/save" not in body
    assert alice_client.post(f"{URL}/save", {"key": "new", "type": "STRING", "value": "x"}).status_code == 403
    assert alice_client.post(f"{URL}/delete", {"key": "kept"}).status_code == 403
    assert list(KVEntry.objects.values_list("key", flat=True)) == ["kept"]


def test_a_user_without_a_role_neither_reads_nor_writes(alice_client):
    NamespaceKV("company.team").set("hidden", "v")
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(f"{URL}/delete", {"key": "hidden"}).status_code == 404
    assert KVEntry.objects.filter(key="hidden").exists()
