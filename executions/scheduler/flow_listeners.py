"""Which execution states some Flow trigger listens to, so that the engine queues an
evaluation only for a state change that can start something.

Every state change of every execution asks; the answer is the union of the `states`
of the Flow triggers of the enabled flows (the terminal states for a trigger that
names none). It is kept per process and computed again when the flows change: one
aggregate query over the flows table (how many enabled flows, their latest `updated`,
the sum of their revisions) tells whether they did. A flow saved, enabled, disabled,
deleted or added moves that fingerprint, so no listener is missed; a trigger disabled
in its TriggerState still counts (the evaluation skips it), which costs a queued task,
never a missed one."""
from __future__ import annotations

import threading

from django.db import connection

from flows.models import Flow
from plugins.api import registry
from plugins.core.trigger import flow as flow_trigger

from .scheduled_flows import enabled_triggers

_lock = threading.Lock()
_known: tuple[tuple, frozenset[str]] | None = None


# In SQL: it runs at every state change of every execution, and the ORM's aggregate
# costs a hundred times the query itself (1 ms against 10 us on SQLite).
FINGERPRINT_SQL = (f"SELECT COUNT(*), MAX(updated), SUM(revision) FROM {Flow._meta.db_table} "
                   "WHERE deleted = %s AND disabled = %s")


def _fingerprint() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(FINGERPRINT_SQL, [False, False])
        return tuple(cursor.fetchone())


def _listened() -> frozenset[str]:
    states: set[str] = set()
    for found in enabled_triggers():
        if registry.resolve_trigger(str(found.spec.get("type"))) is flow_trigger.Flow:
            states.update(flow_trigger.listened_states(found.spec))
    return frozenset(states)


def listened_states() -> frozenset[str]:
    """The execution states at least one enabled Flow trigger listens to."""
    global _known
    fingerprint = _fingerprint()
    with _lock:
        if _known is not None and _known[0] == fingerprint:
            return _known[1]
    states = _listened()
    with _lock:
        _known = (fingerprint, states)
    return states
