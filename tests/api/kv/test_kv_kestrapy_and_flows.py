"""Kestra's official client drives the KV store unchanged (set_key_value, key_value,
delete_key_value, list_all_keys, delete_key_values, list_keys_with_inheritance;
api-contract §3.5), and flows share it: a key the API sets is what a flow's kv()
reads, and a key a flow's KV Set task writes is what the API answers (Kestra's
KVController and KvFunction read the same InternalKVStore)."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_client_sets_reads_lists_and_deletes_keys(kestra_client):
    from kestrapy.models.kv_controller_api_delete_bulk_request import KVControllerApiDeleteBulkRequest
    from kestrapy.models.query_filter import QueryFilter

    kv = kestra_client.kv
    kv.set_key_value("company.team", "conf", "main", '{"retries": 3}')
    kv.set_key_value("company", "greeting", "main", '"hello"')
    detail = kv.key_value("company.team", "conf", "main")
    assert (detail.type, detail.value, detail.revision) == ("JSON", {"retries": 3}, 1)
    page = kv.list_all_keys("main", filters=[QueryFilter(field="namespace", operation="EQUALS", value="company")])
    assert [(e.namespace, e.key) for e in page.results] == [("company", "greeting")] and page.total == 1
    inherited = kv.list_keys_with_inheritance("company.team", "main")
    assert [(e.namespace, e.key) for e in inherited] == [("company.team", "conf"), ("company", "greeting")]
    assert kv.delete_key_value("company.team", "conf", "main") is True
    assert kv.delete_key_value("company.team", "conf", "main") is False
    deleted = kv.delete_key_values("company", "main", KVControllerApiDeleteBulkRequest(keys=["greeting", "x"]))
    assert deleted.keys == ["greeting"]


def test_a_missing_key_raises_the_clients_not_found(kestra_client):
    from kestrapy.exceptions import NotFoundException

    with pytest.raises(NotFoundException):
        kestra_client.kv.key_value("company", "nope", "main")


def test_flows_read_what_the_api_sets_and_the_api_reads_what_flows_set(kestra_client):
    kestra_client.kv.set_key_value("tests.kv", "limit", "main", "41")
    run = run_flow("""
        id: shares
        namespace: tests.kv
        tasks:
          - id: read
            type: io.kestra.plugin.core.debug.Return
            format: "{{ kv('limit') + 1 }}"
          - id: write
            type: io.kestra.plugin.core.kv.Set
            key: result
            value: "{{ outputs.read.value }}"
            kvType: NUMBER
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("read").outputs == {"value": "42"}
    detail = kestra_client.kv.key_value("tests.kv", "result", "main")
    assert (detail.type, detail.value) == ("NUMBER", 42)
