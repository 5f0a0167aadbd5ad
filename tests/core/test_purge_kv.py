"""PurgeKV as Kestra's io.kestra.plugin.core.kv.PurgeKV: by default only expired keys;
namespaces with their children (or not), a namespace glob, a key glob; the deprecated
expiredOnly wins over behavior."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import KVEntry
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def _keys():
    past = timezone.now() - timedelta(hours=1)
    for namespace in ("company", "company.team", "other"):
        KVEntry.objects.create(namespace=namespace, key="AI_old", value=1, expiration=past)
        KVEntry.objects.create(namespace=namespace, key="AI_live", value=2)
        KVEntry.objects.create(namespace=namespace, key="keep", value=3)


def _left():
    return sorted(KVEntry.objects.values_list("namespace", "key"))


def _purge(props: str):
    run = run_flow(f"""
        id: purge_kv
        namespace: system
        tasks:
          - id: purge
            type: io.kestra.plugin.core.kv.PurgeKV
            {props}
    """)
    assert run.state == "SUCCESS", run.logs()
    return run.one("purge").outputs["size"]


def test_by_default_only_expired_keys_of_every_namespace_go():
    _keys()
    assert _purge("includeChildNamespaces: true") == 3
    assert ("company", "AI_old") not in _left() and len(_left()) == 6


def test_namespaces_include_their_children_unless_told_not_to():
    _keys()
    assert _purge("namespaces: [company]\n            includeChildNamespaces: false\n"
                  "            behavior: {type: key, expiredOnly: false}") == 3
    assert [k for ns, k in _left() if ns == "company"] == []
    assert len([k for ns, k in _left() if ns == "company.team"]) == 3


def test_key_and_namespace_globs_and_the_deprecated_flag():
    _keys()
    assert _purge("namespacePattern: 'comp*'\n            keyPattern: 'AI_*'\n"
                  "            expiredOnly: false\n            behavior: {type: key, expiredOnly: true}") == 4
    assert ("other", "AI_live") in _left() and ("company", "keep") in _left()
