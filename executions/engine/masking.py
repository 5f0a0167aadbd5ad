"""Secret values never reach a log line, as Kestra's RunContextLogger masks them: the
values `secret()` gave while rendering for an execution, every secret of the
environment (so a process masks what another one rendered: secrets.every_secret_value),
and the execution's SECRET inputs, are replaced by `******` in every message the
execution logs (a task's own lines, its failure, a flowable's evaluation error, the
engine's errors).

`secret()` may be rendered by the executor, by a worker thread, or by a flowable
deciding its children, and the failure it causes is logged by yet another object: the
values are remembered per execution for the whole process, not per run context. A
process resuming an execution renders the same expressions again, and so sees the
same secrets again before it can log them."""
from __future__ import annotations

import threading
from collections import OrderedDict

from executions.encryption import SecretInputUnreadable, decrypt, is_encrypted

from .secrets import every_secret_value

MASK = "******"
# Executions whose secrets are remembered at once; the oldest is forgotten first. A
# long-running cluster runs many executions, one process only a few at a time.
REMEMBERED_EXECUTIONS = 1000

_lock = threading.Lock()
_seen: OrderedDict[str, set[str]] = OrderedDict()
# SECRET input values by their sealed text: decrypted once, not for every log line.
_opened: OrderedDict[str, str | None] = OrderedDict()


def remember(execution_id: str, value) -> None:
    """`value` was rendered from a secret for this execution: mask it from now on."""
    if value in (None, ""):
        return
    with _lock:
        _values(execution_id).add(str(value))


def _values(execution_id: str) -> set[str]:
    values = _seen.get(execution_id)
    if values is None:
        values = _seen[execution_id] = set()
        while len(_seen) > REMEMBERED_EXECUTIONS:
            _seen.popitem(last=False)
    else:
        _seen.move_to_end(execution_id)
    return values


def secret_inputs(inputs) -> set[str]:
    """The values of the SECRET inputs (stored encrypted, so recognisable without the flow).
    One sealed under another key cannot be shown by anyone, so there is nothing to mask."""
    values = set()
    for value in (inputs or {}).values():
        if is_encrypted(value):
            text = _opened_value(value)
            if text is not None:
                values.add(text)
    return values


def _opened_value(sealed: dict) -> str | None:
    with _lock:
        if sealed["value"] in _opened:
            _opened.move_to_end(sealed["value"])
            return _opened[sealed["value"]]
    try:
        text = decrypt(sealed)
    except SecretInputUnreadable:
        text = None
    with _lock:
        _opened[sealed["value"]] = text
        while len(_opened) > REMEMBERED_EXECUTIONS:
            _opened.popitem(last=False)
    return text


def mask(execution, message: str) -> str:
    with _lock:
        known = set(_values(execution.id))
    known |= every_secret_value() | secret_inputs(execution.inputs)
    # Longest first: a secret that contains another is masked whole.
    for value in sorted((v for v in known if v), key=len, reverse=True):
        message = message.replace(value, MASK)
    return message
