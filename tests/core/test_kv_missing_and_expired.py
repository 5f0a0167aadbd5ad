"""Missing and expired KV keys in Kestra's words. The kv() function (KvFunction,
KvFunctionTest.shouldThrowOrGetEmptyIfExpiredDependingOnErrorOnMissing): a missing key
is "The key '...' does not exist in the namespace '...'." unless errorOnMissing=false;
an expired one is "The requested value has expired" unless errorOnMissing=false, then
it is missing. The Get task (kv.Get): a missing key is null, or with errorOnMissing
"No value found for key ..."; an expired one fails it, as InternalKVStore.getValue's
ResourceExpiredException does. Reading an expired key deletes it."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import KVEntry
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _expired(key: str):
    KVEntry.objects.create(namespace="tests.kv", key=key, value="old",
                           expiration=timezone.now() - timedelta(hours=1))


def _render(expression: str):
    return run_flow(f"""
        id: kv_render
        namespace: tests.kv
        tasks:
          - id: show
            type: io.kestra.plugin.core.debug.Return
            format: "{expression}"
    """)


def test_the_kv_function_names_a_missing_key():
    run = _render("{{ kv('nope') }}")
    assert run.state == "FAILED"
    assert any("The key 'nope' does not exist in the namespace 'tests.kv'." in m for m in run.logs())


def test_the_kv_function_reports_an_expired_key_and_deletes_it():
    _expired("gone")
    run = _render("{{ kv('gone') }}")
    assert run.state == "FAILED"
    assert any("The requested value has expired" in m for m in run.logs())
    assert not KVEntry.objects.filter(namespace="tests.kv", key="gone").exists()


def test_without_error_on_missing_an_expired_key_is_missing():
    _expired("gone")
    run = _render("[{{ kv('gone', errorOnMissing=false) }}]")
    assert run.state == "SUCCESS", run.logs()
    assert run.one("show").outputs["value"] == "[]"


def _get(key: str, error_on_missing: bool):
    return run_flow(f"""
        id: kv_get
        namespace: tests.kv
        tasks:
          - id: get
            type: io.kestra.plugin.core.kv.Get
            key: {key}
            errorOnMissing: {str(error_on_missing).lower()}
    """)


def test_the_get_task_fails_on_an_expired_key_even_without_error_on_missing():
    _expired("gone")
    run = _get("gone", False)
    assert run.state == "FAILED"
    assert "The requested value has expired" in run.logs()


def test_the_get_task_names_a_missing_key_with_error_on_missing():
    run = _get("nope", True)
    assert run.state == "FAILED"
    assert ("No value found for key 'nope' in namespace 'tests.kv' and `errorOnMissing` is set to true"
            in run.logs())
    assert _get("nope", False).one("get").outputs == {"value": None}
